using Microsoft.EntityFrameworkCore;
using Relais.Data;

namespace Relais.Giving;

/// <summary>
/// A supporter merge moves the other record's donations, personal pages and team captaincies to
/// the survivor. Where both had given to the same fundraiser (or page, or team), they were counted
/// as two donors: one is taken away.
/// </summary>
public static class DonationMerge
{
    public static async Task MoveAsync(RelaisDb db, Guid survivorId, Guid otherId, CancellationToken ct)
    {
        var gifts = await db.Donations.AsNoTracking()
            .Where(d => (d.SupporterId == survivorId || d.SupporterId == otherId) && d.Status == DonationStatus.Succeeded)
            .Select(d => new { d.SupporterId, d.FundraiserId, d.FundraisingPageId, d.FundraisingTeamId })
            .ToListAsync(ct);
        static IEnumerable<Guid> Shared(IEnumerable<(Guid Supporter, Guid? Key)> rows) =>
            rows.Where(r => r.Key is not null).GroupBy(r => r.Key!.Value).Where(g => g.Select(r => r.Supporter).Distinct().Count() > 1).Select(g => g.Key);
        foreach (var fundraiserId in Shared(gifts.Select(g => (g.SupporterId, (Guid?)g.FundraiserId))))
        {
            await db.Fundraisers.Where(f => f.Id == fundraiserId).ExecuteUpdateAsync(s => s.SetProperty(f => f.DonorCount, f => f.DonorCount - 1), ct);
        }
        foreach (var pageId in Shared(gifts.Select(g => (g.SupporterId, g.FundraisingPageId))))
        {
            await db.FundraisingPages.Where(p => p.Id == pageId).ExecuteUpdateAsync(s => s.SetProperty(p => p.DonorCount, p => p.DonorCount - 1), ct);
        }
        foreach (var teamId in Shared(gifts.Select(g => (g.SupporterId, g.FundraisingTeamId))))
        {
            await db.FundraisingTeams.Where(t => t.Id == teamId).ExecuteUpdateAsync(s => s.SetProperty(t => t.DonorCount, t => t.DonorCount - 1), ct);
        }
        await db.Donations.Where(d => d.SupporterId == otherId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.SupporterId, survivorId), ct);
        await db.FundraisingPages.Where(p => p.SupporterId == otherId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SupporterId, survivorId), ct);
        await db.FundraisingTeams.Where(t => t.CaptainSupporterId == otherId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.CaptainSupporterId, survivorId), ct);
    }

    /// <summary>Both records run a personal page of the same fundraiser, which allows one per person.</summary>
    public static Task<bool> PagesClashAsync(RelaisDb db, Guid survivorId, Guid otherId, CancellationToken ct) =>
        db.FundraisingPages.Where(p => p.SupporterId == otherId)
            .AnyAsync(p => db.FundraisingPages.Any(mine => mine.SupporterId == survivorId && mine.FundraiserId == p.FundraiserId), ct);
}
