using Relais.Campaigns;
using Relais.Organizations;

namespace Relais.Demo;

/// <summary>Where a story's own signers live, which decides their names, countries and postal codes.</summary>
internal enum DemoAudience
{
    Riga,
    Washington,
    Worldwide,
}

/// <summary>A surge of signatures some days after launch: a blogger's post, a day of action, a final push.</summary>
/// <param name="Share">The part of the petition's signatures that the surge brings, between 0 and 1.</param>
internal sealed record DemoBurst(double DaysAfterLaunch, double Share);

/// <summary>The words of one story in one language: the ten canvas fields and what signers wrote.</summary>
internal sealed record DemoCopy(
    string Title,
    string Ask,
    string Target,
    string TheoryOfChange,
    string Base,
    string Allies,
    string CallToAction,
    string Story,
    string Hook,
    IReadOnlyList<string> Comments)
{
    public CampaignText ToText(Guid campaignId, string language) => new()
    {
        CampaignId = campaignId,
        Language = language,
        Title = Title,
        Ask = Ask,
        Target = Target,
        TheoryOfChange = TheoryOfChange,
        Base = Base,
        Allies = Allies,
        CallToAction = CallToAction,
        Story = Story,
        Hook = Hook,
    };
}

/// <summary>One campaign the demo re-enacts, with the shape of its signature curve.</summary>
/// <param name="LaunchShare">The part of the signatures that arrive in the first days after launch.</param>
internal sealed record DemoStory(
    string Slug,
    string Hashtag,
    int Goal,
    int LaunchedDaysAgo,
    int DeadlineInDays,
    double LaunchShare,
    IReadOnlyList<DemoBurst> Bursts,
    DemoAudience Audience,
    DemoCopy French,
    DemoCopy English)
{
    public DemoCopy CopyFor(string language) => language == Languages.English ? English : French;
}
