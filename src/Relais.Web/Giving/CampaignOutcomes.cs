using Microsoft.Extensions.Caching.Memory;

namespace Relais.Web.Giving;

/// <summary>
/// Every registered outcome source's figures for campaigns. The public page reads them through a
/// few seconds of memory; the dashboard asks for all its campaigns at once.
/// </summary>
public sealed class CampaignOutcomes(IEnumerable<ICampaignOutcomeSource> sources, IMemoryCache cache)
{
    public async Task<IReadOnlyList<CampaignOutcome>> ForCampaignAsync(Guid organizationId, Guid campaignId, CancellationToken ct)
    {
        var key = "campaign-outcomes:" + campaignId;
        if (cache.TryGetValue(key, out IReadOnlyList<CampaignOutcome>? outcomes) && outcomes is not null)
        {
            return outcomes;
        }
        outcomes = await ForCampaignsAsync(organizationId, [campaignId], ct);
        cache.Set(key, outcomes, Campaigns.CampaignPages.Freshness);
        return outcomes;
    }

    public async Task<IReadOnlyList<CampaignOutcome>> ForCampaignsAsync(Guid organizationId, IReadOnlyCollection<Guid> campaignIds, CancellationToken ct)
    {
        if (campaignIds.Count == 0)
        {
            return [];
        }
        var all = new List<CampaignOutcome>();
        foreach (var source in sources)
        {
            all.AddRange(await source.ForCampaignsAsync(organizationId, campaignIds, ct));
        }
        return all;
    }

    public void Forget(Guid campaignId) => cache.Remove("campaign-outcomes:" + campaignId);
}
