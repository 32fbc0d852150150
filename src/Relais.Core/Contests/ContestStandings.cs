using Microsoft.EntityFrameworkCore;
using Relais.Data;

namespace Relais.Contests;

/// <summary>The ranking query: one contest's tallies of a board, in order, read by the (contest, board, figure) index; never a sum of donations.</summary>
public static class ContestStandings
{
    /// <summary>How many entries a board shows.</summary>
    public const int Size = 500;

    public static async Task<IReadOnlyList<ContestStanding>> ReadAsync(
        RelaisDb db, Guid contestId, ContestBoard board, ContestOrder order, CancellationToken ct)
    {
        var tallies = db.ContestTallies.Where(t => t.ContestId == contestId && t.Board == board);
        var ordered = order == ContestOrder.Amount
            ? tallies.OrderByDescending(t => t.AmountMinor).ThenByDescending(t => t.DonorCount)
            : tallies.OrderByDescending(t => t.DonorCount).ThenByDescending(t => t.AmountMinor);
        var rows = await ordered
            .Take(Size)
            .Join(db.ContestEntries, t => t.EntryId, e => e.Id, (t, e) => new ContestStanding(e.Id, e.DisplayName, t.AmountMinor, t.DonationCount, t.DonorCount))
            .ToListAsync(ct);
        return ContestRanking.Rank(rows, order);
    }
}
