using System.Runtime.CompilerServices;
using Relais.Web.Drives;
using Relais.Web.Giving;

namespace Relais.Web.Campaigns;

/// <summary>
/// Names what the cached parts of a campaign page (its <c>&lt;cache&gt;</c> tags) are rendered from.
/// The page's data caches hand out the same objects until they reload or forget them, so an
/// object's identity is its version: an edit that makes its cache forget, or the reload every
/// <see cref="CampaignPages.Freshness"/>, gives a new key and the parts render again.
/// </summary>
public sealed class CampaignPageFragments(FundraiserSections fundraisers, DriveSections drives, CampaignOutcomes outcomes)
{
    /// <summary>Long enough to outlive the key (its campaign reloads every few seconds), short enough to free old keys.</summary>
    public static readonly TimeSpan Lifetime = CampaignPages.Freshness * 2;

    private static readonly ConditionalWeakTable<object, object> Stamps = new();
    private static long _lastStamp;

    public async Task<string> KeyAsync(CampaignPage campaign, CancellationToken ct)
    {
        var fundraiser = await fundraisers.FindAsync(campaign.Id, ct);
        var drive = await drives.ForCampaignAsync(campaign.Id, ct);
        var figures = await outcomes.ForCampaignAsync(campaign.OrganizationId, campaign.Id, ct);
        return $"{StampOf(campaign)}.{StampOf(fundraiser)}.{StampOf(drive)}.{StampOf(figures)}";
    }

    /// <summary>A number for this very object (not an equal one), 0 for none.</summary>
    private static long StampOf(object? data) =>
        data is null ? 0 : (long)Stamps.GetValue(data, static _ => Interlocked.Increment(ref _lastStamp));
}
