using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Relais.Data;
using Relais.Drives;
using Relais.Web.Campaigns;

namespace Relais.Web.Drives;

/// <summary>A need as the campaign page shows it; for a per-day need the figures are today's.</summary>
public sealed record NeedProgress(Guid Id, string Item, string Unit, int Wanted, NeedPeriod Period, long Pledged, long Received);

/// <summary>A campaign's drive as its public page shows it.</summary>
public sealed record DriveSection(Guid DriveId, bool IsOpen, IReadOnlyList<NeedProgress> Needs);

/// <summary>
/// Drives of campaign pages, kept in memory for <see cref="CampaignPages.Freshness"/> like the pages
/// themselves: the hot campaign page adds no query; pledges and receptions show within seconds.
/// </summary>
public sealed class DriveSections(IDbContextFactory<RelaisDb> dbFactory, IMemoryCache cache, TimeProvider clock)
{
    public async Task<DriveSection?> ForCampaignAsync(Guid campaignId, CancellationToken ct)
    {
        var key = "drive-section:" + campaignId;
        if (cache.TryGetValue(key, out DriveSection? section))
        {
            return section;
        }
        section = await LoadAsync(campaignId, ct);
        cache.Set(key, section, CampaignPages.Freshness);
        return section;
    }

    public void Forget(Guid campaignId) => cache.Remove("drive-section:" + campaignId);

    private async Task<DriveSection?> LoadAsync(Guid campaignId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var drive = await db.Drives.AsNoTracking().Include(d => d.Needs)
            .SingleOrDefaultAsync(d => d.CampaignId == campaignId, ct);
        if (drive is null || drive.Needs.Count == 0)
        {
            return null;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var daily = drive.Needs.Where(n => n.Period == NeedPeriod.PerDay).Select(n => n.Id).ToList();
        var todays = daily.Count == 0
            ? []
            : await db.ItemPledges
                .Where(p => daily.Contains(p.NeedId) && p.DropOffDate == today && p.Status != PledgeStatus.Cancelled)
                .GroupBy(p => p.NeedId)
                .Select(g => new { NeedId = g.Key, Pledged = g.Sum(p => (long)p.Quantity), Received = g.Sum(p => p.ReceivedQuantity) })
                .ToDictionaryAsync(x => x.NeedId, ct);
        var needs = drive.Needs.OrderBy(n => n.Position).ThenBy(n => n.Item)
            .Select(n => n.Period == NeedPeriod.PerDay
                ? new NeedProgress(n.Id, n.Item, n.Unit, n.QuantityWanted, n.Period,
                    todays.GetValueOrDefault(n.Id)?.Pledged ?? 0, todays.GetValueOrDefault(n.Id)?.Received ?? 0)
                : new NeedProgress(n.Id, n.Item, n.Unit, n.QuantityWanted, n.Period, n.PledgedQuantity, n.ReceivedQuantity))
            .ToList();
        return new DriveSection(drive.Id, drive.IsOpen, needs);
    }
}
