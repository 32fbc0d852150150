using Microsoft.EntityFrameworkCore;
using Relais.Data;

namespace Relais.Contests;

/// <summary>
/// A supporter merge moves the other record's contest donations to the survivor. Where both gave
/// to the same entry on the same board they were counted as two donors: the survivor's row takes
/// both counts and the board one donor fewer.
/// </summary>
public static class ContestDonorMerge
{
    public static async Task MoveAsync(RelaisDb db, Guid survivorId, Guid otherId, CancellationToken ct)
    {
        var rows = await db.ContestDonors.AsNoTracking()
            .Where(d => d.SupporterId == survivorId || d.SupporterId == otherId)
            .ToListAsync(ct);
        foreach (var shared in rows.GroupBy(d => (d.EntryId, d.Board)).Where(g => g.Count() > 1))
        {
            var (entryId, board) = shared.Key;
            var theirs = shared.Single(d => d.SupporterId == otherId).Donations;
            await db.ContestDonors.Where(d => d.EntryId == entryId && d.Board == board && d.SupporterId == survivorId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Donations, d => d.Donations + theirs), ct);
            await db.ContestDonors.Where(d => d.EntryId == entryId && d.Board == board && d.SupporterId == otherId).ExecuteDeleteAsync(ct);
            await db.ContestTallies.Where(t => t.EntryId == entryId && t.Board == board)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.DonorCount, t => t.DonorCount - 1), ct);
        }
        await db.ContestDonors.Where(d => d.SupporterId == otherId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.SupporterId, survivorId), ct);
    }
}
