using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Organizations;
using Relais.Petitions;

namespace Relais.Messaging;

/// <summary>One person an email goes to, with the values of its merge fields.</summary>
public sealed record Recipient(Guid SupporterId, string Email, string Language, MergeValues Values);

/// <summary>
/// Loads the merge values of many supporters at once, in a fixed number of queries whatever their
/// number: preview, test sends, bulk sends and automations all read them here. Tracked link
/// prefixes are left to the caller, who knows the recipient's row.
/// </summary>
public sealed class RecipientValues(RelaisDb db, RecipientLinks links, PetitionCounters counters, IOptions<PublicUrlOptions> url)
{
    public async Task<IReadOnlyList<Recipient>> LoadAsync(
        Guid organizationId, Guid? campaignId, Guid? messageId, IReadOnlyCollection<Guid> supporterIds, CancellationToken ct)
    {
        if (supporterIds.Count == 0)
        {
            return [];
        }
        var ids = supporterIds.Distinct().ToList();
        var people = await db.Supporters.AsNoTracking().InOrganization(organizationId)
            .Where(s => ids.Contains(s.Id) && s.ErasedAt == null)
            .Select(s => new { s.Id, s.Email, s.Language, s.FirstName, s.LastName, s.LadderRank })
            .ToListAsync(ct);
        if (people.Count == 0)
        {
            return [];
        }
        var campaign = campaignId is { } id ? await CampaignAsync(organizationId, id, ct) : null;
        var steps = await NextStepsAsync(organizationId, people.Select(p => p.Id).ToList(), ct);

        var recipients = new List<Recipient>(people.Count);
        foreach (var person in people)
        {
            var language = Languages.IsSupported(person.Language) ? person.Language : Languages.French;
            var culture = CultureInfo.GetCultureInfo(language);
            var step = steps.For(person.Id, person.LadderRank);
            var values = new MergeValues
            {
                FirstName = person.FirstName,
                LastName = person.LastName,
                NextStep = step?.Title(language) ?? "",
                NextStepLink = step is null ? "" : CampaignLink(step.Slug),
                PreferencesLink = links.Preferences(person.Id, messageId),
                UnsubscribeLink = links.Unsubscribe(person.Id, messageId),
            };
            if (campaign is not null)
            {
                var link = CampaignLink(campaign.Slug);
                values = values with
                {
                    CampaignLink = link,
                    CampaignTitle = campaign.Title(language),
                    RelayLink = link + "?ref=" + RelayCode.For(person.Id),
                    Counter = campaign.Count?.ToString("N0", culture) ?? "",
                    Goal = campaign.Count is { } count ? Petition.DisplayedGoal(count, campaign.Goal).ToString("N0", culture) : "",
                };
            }
            recipients.Add(new Recipient(person.Id, person.Email, language, values));
        }
        return recipients;
    }

    private string CampaignLink(string slug) => url.Value.Link("/c/" + Uri.EscapeDataString(slug));

    private async Task<CampaignFacts?> CampaignAsync(Guid organizationId, Guid campaignId, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().InOrganization(organizationId)
            .Where(c => c.Id == campaignId)
            .Select(c => new { c.Slug, c.Languages, c.Texts, PetitionId = (Guid?)c.Petition!.Id, c.Petition.SignatureCount, c.Petition.Goal })
            .SingleOrDefaultAsync(ct);
        if (campaign is null)
        {
            return null;
        }
        int? count = campaign.PetitionId is { } petition ? counters.Get(petition, campaign.SignatureCount) : null;
        return new CampaignFacts(campaign.Slug, Titles(campaign.Texts.Select(t => (t.Language, t.Title)), campaign.Languages), count, campaign.Goal);
    }

    /// <summary>
    /// The open petitions of published campaigns, few per organization, read once; each person then
    /// gets the lowest one above their rank that they have not taken yet.
    /// </summary>
    private async Task<NextStepTable> NextStepsAsync(Guid organizationId, List<Guid> supporterIds, CancellationToken ct)
    {
        var petitions = await db.Petitions.AsNoTracking().InOrganization(organizationId)
            .Where(p => p.IsOpen && p.Campaign!.IsPublished)
            .OrderBy(p => p.LadderRank).ThenByDescending(p => p.Campaign!.PublishedAt)
            .Select(p => new { p.Id, p.LadderRank, p.Campaign!.Slug, p.Campaign.Languages, p.Campaign.Texts })
            .ToListAsync(ct);
        if (petitions.Count == 0)
        {
            return new NextStepTable([], []);
        }
        var petitionIds = petitions.Select(p => p.Id).ToList();
        var taken = await db.Activities.AsNoTracking().Where(a => a.OrganizationId == organizationId)
            .Where(a => supporterIds.Contains(a.SupporterId) && a.ActionId != null && petitionIds.Contains(a.ActionId.Value))
            .Select(a => new { a.SupporterId, ActionId = a.ActionId!.Value })
            .Distinct()
            .ToListAsync(ct);
        var steps = petitions
            .Select(p => new Step(p.Id, p.LadderRank, p.Slug, Titles(p.Texts.Select(t => (t.Language, t.Title)), p.Languages)))
            .ToList();
        return new NextStepTable(steps, taken.Select(t => (t.SupporterId, t.ActionId)).ToHashSet());
    }

    private static Dictionary<string, string> Titles(IEnumerable<(string Language, string Title)> texts, string campaignLanguages)
    {
        var list = texts.ToList();
        var main = campaignLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var fallback = list.FirstOrDefault(t => t.Language == main).Title ?? list.FirstOrDefault().Title ?? "";
        return Languages.All.ToDictionary(l => l, l => list.FirstOrDefault(t => t.Language == l).Title ?? fallback);
    }

    private sealed record CampaignFacts(string Slug, Dictionary<string, string> Titles, int? Count, int Goal)
    {
        public string Title(string language) => Titles.GetValueOrDefault(language, "");
    }

    private sealed record Step(Guid PetitionId, int LadderRank, string Slug, Dictionary<string, string> Titles)
    {
        public string Title(string language) => Titles.GetValueOrDefault(language, "");
    }

    private sealed record NextStepTable(List<Step> Steps, HashSet<(Guid SupporterId, Guid ActionId)> Taken)
    {
        public Step? For(Guid supporterId, int rank) =>
            Steps.FirstOrDefault(s => s.LadderRank > rank && !Taken.Contains((supporterId, s.PetitionId)));
    }
}
