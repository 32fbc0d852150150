namespace Relais.Campaigns;

/// <summary>
/// The workshop's readiness check: which of the ten commandments a campaign does not meet yet,
/// so the organizer sees what is missing before publishing.
/// </summary>
public static class CampaignReadiness
{
    public enum Gap
    {
        Ask,
        Target,
        TheoryOfChange,
        Base,
        Allies,
        CallToAction,
        Deadline,
        Story,
        Hook,
        Languages,
        Petition,
    }

    public static IReadOnlyList<Gap> Gaps(Campaign campaign, DateOnly today)
    {
        var gaps = new List<Gap>();
        var languages = campaign.LanguageList;
        var texts = languages.Select(l => campaign.Texts.FirstOrDefault(t => t.Language == l)).ToList();
        if (languages.Count == 0 || texts.Any(t => t is null || string.IsNullOrWhiteSpace(t.Title)))
        {
            gaps.Add(Gap.Languages);
        }
        var filled = texts.OfType<CampaignText>().ToList();
        void Check(Gap gap, Func<CampaignText, string> field)
        {
            if (filled.Count == 0 || filled.Any(t => string.IsNullOrWhiteSpace(field(t))))
            {
                gaps.Add(gap);
            }
        }
        Check(Gap.Ask, t => t.Ask);
        Check(Gap.Target, t => t.Target);
        Check(Gap.TheoryOfChange, t => t.TheoryOfChange);
        Check(Gap.Base, t => t.Base);
        Check(Gap.Allies, t => t.Allies);
        Check(Gap.CallToAction, t => t.CallToAction);
        if (campaign.Deadline is not { } deadline || deadline < today)
        {
            gaps.Add(Gap.Deadline);
        }
        Check(Gap.Story, t => t.Story);
        if (string.IsNullOrWhiteSpace(campaign.Hashtag) && campaign.HookImageId is null && filled.All(t => string.IsNullOrWhiteSpace(t.Hook)))
        {
            gaps.Add(Gap.Hook);
        }
        if (campaign.Petition is null)
        {
            gaps.Add(Gap.Petition);
        }
        return gaps;
    }
}
