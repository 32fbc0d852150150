using Microsoft.EntityFrameworkCore;
using Relais.Contests;
using Relais.Data;

namespace Relais.Web.Contests;

/// <summary>A contest's boards as shown: the standings by amount, by unique donors, and of the bonus period.</summary>
public sealed record ContestBoardView(
    Contest Contest,
    bool IsFinal,
    IReadOnlyList<ContestStanding> ByAmount,
    IReadOnlyList<ContestStanding> ByDonors,
    IReadOnlyList<ContestStanding> Bonus);

/// <summary>
/// Reads boards from the tallies (never from donations), and freezes a contest whose deadline has
/// passed the first time its board is read after it (a lazy check beside the board job's sweep).
/// </summary>
public sealed class ContestBoards(TimeProvider clock)
{
    public async Task<ContestBoardView?> ReadAsync(RelaisDb db, string slug, CancellationToken ct)
    {
        var contest = await db.Contests.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, ct);
        return contest is null ? null : await ReadAsync(db, contest, ct);
    }

    public async Task<ContestBoardView?> ReadAsync(RelaisDb db, Guid contestId, CancellationToken ct)
    {
        var contest = await db.Contests.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contestId, ct);
        return contest is null ? null : await ReadAsync(db, contest, ct);
    }

    private async Task<ContestBoardView> ReadAsync(RelaisDb db, Contest contest, CancellationToken ct)
    {
        await FreezeIfOverAsync(db, contest, ct);
        var byAmount = await ContestStandings.ReadAsync(db, contest.Id, ContestBoard.Main, ContestOrder.Amount, ct);
        var byDonors = await ContestStandings.ReadAsync(db, contest.Id, ContestBoard.Main, ContestOrder.Donors, ct);
        var bonus = contest.Period.HasBonus
            ? await ContestStandings.ReadAsync(db, contest.Id, ContestBoard.Bonus, ContestOrder.Amount, ct)
            : [];
        return new ContestBoardView(contest, contest.FrozenAt is not null, byAmount, byDonors, bonus);
    }

    /// <summary>Sets FrozenAt once the deadline passed; returns whether this call froze it.</summary>
    public async Task<bool> FreezeIfOverAsync(RelaisDb db, Contest contest, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (contest.FrozenAt is not null || !contest.Period.IsOver(now))
        {
            return false;
        }
        var frozen = await db.Contests.Where(c => c.Id == contest.Id && c.FrozenAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.FrozenAt, now)
            .SetProperty(c => c.BoardVersion, c => c.BoardVersion + 1), ct);
        contest.FrozenAt = now;
        if (frozen > 0)
        {
            contest.BoardVersion++;
        }
        return frozen > 0;
    }

    /// <summary>Freezes every contest past its deadline; returns their ids (the board job's sweep).</summary>
    public async Task<IReadOnlyList<Guid>> FreezeDueAsync(RelaisDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Contests.Where(c => c.FrozenAt == null && c.EndsAt <= now).Select(c => c.Id).ToListAsync(ct);
        if (due.Count > 0)
        {
            await db.Contests.Where(c => due.Contains(c.Id) && c.FrozenAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.FrozenAt, now)
                .SetProperty(c => c.BoardVersion, c => c.BoardVersion + 1), ct);
        }
        return due;
    }
}
