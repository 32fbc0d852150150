using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Relais.Data;
using Relais.Giving;

namespace Relais.Web.Giving;

/// <summary>A fundraiser as its public pages show it: settings, totals and the latest donors.</summary>
public sealed record FundraiserSnapshot(
    Guid Id,
    Guid OrganizationId,
    Guid CampaignId,
    string Currency,
    long GoalMinor,
    IReadOnlyList<long> SuggestedAmounts,
    bool AllowCustomAmount,
    bool AllowDonorMessages,
    bool ShowDonorWall,
    bool IsOpen,
    long RaisedMinor,
    int DonationCount,
    int DonorCount,
    IReadOnlyList<WallEntry> Wall)
{
    public Money Raised => new(RaisedMinor, Currency);
    public Money Goal => new(GoalMinor, Currency);

    /// <summary>How full the thermometer is, 0 to 100.</summary>
    public int Percent => GoalMinor <= 0 ? 0 : (int)Math.Min(100, RaisedMinor * 100 / GoalMinor);
}

/// <summary>One line of the donor wall; <paramref name="Name"/> is null for an anonymous donor.</summary>
public sealed record WallEntry(string? Name, long AmountMinor, string? Message, DateTimeOffset At);

/// <summary>
/// Fundraisers by campaign, read once and kept in memory for a few seconds: the campaign page is
/// the hottest page and must not query per view. A move of a donation on this node forgets the entry.
/// </summary>
public sealed class FundraiserSections(IDbContextFactory<RelaisDb> dbFactory, IMemoryCache cache)
{
    public const int WallSize = 10;

    public async Task<FundraiserSnapshot?> FindAsync(Guid campaignId, CancellationToken ct)
    {
        var key = CacheKey(campaignId);
        if (cache.TryGetValue(key, out FundraiserSnapshot? snapshot))
        {
            return snapshot;
        }
        snapshot = await LoadAsync(campaignId, ct);
        cache.Set(key, snapshot, Campaigns.CampaignPages.Freshness);
        return snapshot;
    }

    public void Forget(Guid campaignId) => cache.Remove(CacheKey(campaignId));

    private async Task<FundraiserSnapshot?> LoadAsync(Guid campaignId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var f = await db.Fundraisers.AsNoTracking().SingleOrDefaultAsync(x => x.CampaignId == campaignId, ct);
        if (f is null)
        {
            return null;
        }
        IReadOnlyList<WallEntry> wall = [];
        if (f.ShowDonorWall)
        {
            wall = await db.Donations.AsNoTracking()
                .Where(d => d.FundraiserId == f.Id && d.Status == DonationStatus.Succeeded)
                .OrderByDescending(d => d.CreatedAt)
                .Take(WallSize)
                .Select(d => new WallEntry(d.IsAnonymous ? null : d.DisplayName, d.AmountMinor, f.AllowDonorMessages ? d.DonorMessage : null, d.SettledAt ?? d.CreatedAt))
                .ToListAsync(ct);
        }
        return new FundraiserSnapshot(
            f.Id, f.OrganizationId, f.CampaignId, f.Currency, f.GoalMinor, f.SuggestedAmountList, f.AllowCustomAmount,
            f.AllowDonorMessages, f.ShowDonorWall, f.IsOpen, f.RaisedMinor, f.DonationCount, f.DonorCount, wall);
    }

    private static string CacheKey(Guid campaignId) => "fundraiser-section:" + campaignId;
}
