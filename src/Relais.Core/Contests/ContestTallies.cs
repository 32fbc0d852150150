using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Giving;

namespace Relais.Contests;

/// <summary>
/// Keeps the contest tallies in the ledger's transaction: a donation counts on the boards of the
/// contests its fundraiser (or team) entered when it succeeded within their period, a refund takes
/// it back, and a frozen contest no longer changes.
/// </summary>
public sealed class ContestTallies : IDonationObserver
{
    /// <summary>PostgreSQL's channel for board changes; a NOTIFY inside the transaction is delivered at commit.</summary>
    public const string Channel = "relais_contests";

    public async Task OnMovedAsync(RelaisDb db, DonationMove move, CancellationToken ct)
    {
        var delta = move.CountDelta;
        if (delta == 0)
        {
            return;
        }
        var donation = move.Donation;
        var countedAt = donation.SettledAt ?? move.At;
        var teamId = donation.FundraisingTeamId;
        var entries = await db.ContestEntries
            .Where(e => e.FundraiserId == donation.FundraiserId || (teamId != null && e.TeamId == teamId))
            .Join(db.Contests.Where(c => c.FrozenAt == null), e => e.ContestId, c => c.Id, (e, c) => new { e.Id, Contest = c })
            .ToListAsync(ct);
        foreach (var entry in entries)
        {
            var contest = entry.Contest;
            if (contest.Period.IsOver(move.At) || contest.Currency != donation.Currency)
            {
                continue;
            }
            var boards = contest.Period.BoardsAt(countedAt);
            foreach (var board in boards)
            {
                var donorDelta = await CountDonorAsync(db, entry.Id, board, donation.SupporterId, delta, ct);
                var amount = donation.AmountMinor * delta;
                await db.ContestTallies.Where(t => t.EntryId == entry.Id && t.Board == board).ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.AmountMinor, t => t.AmountMinor + amount)
                    .SetProperty(t => t.DonationCount, t => t.DonationCount + delta)
                    .SetProperty(t => t.DonorCount, t => t.DonorCount + donorDelta), ct);
            }
            if (boards.Count > 0)
            {
                await db.Contests.Where(c => c.Id == contest.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.BoardVersion, c => c.BoardVersion + 1), ct);
                if (db.Database.IsNpgsql())
                {
                    var payload = contest.Id.ToString("N");
                    await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
                }
            }
        }
    }

    /// <summary>
    /// Counts the donor's donations on the entry's board: +1 when their first one arrives, -1 when
    /// their last one is taken back. The row is created with ON CONFLICT so two transactions of the
    /// same donor never collide.
    /// </summary>
    private static async Task<int> CountDonorAsync(RelaisDb db, Guid entryId, ContestBoard board, Guid supporterId, int delta, CancellationToken ct)
    {
        var boardValue = (int)board;
        if (delta > 0)
        {
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "ContestDonors" ("EntryId", "Board", "SupporterId", "Donations") VALUES ({entryId}, {boardValue}, {supporterId}, 0) ON CONFLICT DO NOTHING""", ct);
        }
        var donor = db.ContestDonors.Where(d => d.EntryId == entryId && d.Board == board && d.SupporterId == supporterId);
        await donor.ExecuteUpdateAsync(s => s.SetProperty(d => d.Donations, d => d.Donations + delta), ct);
        var donations = await donor.Select(d => (int?)d.Donations).SingleOrDefaultAsync(ct);
        if (delta > 0)
        {
            return donations == 1 ? 1 : 0;
        }
        if (donations is <= 0)
        {
            await donor.ExecuteDeleteAsync(ct);
            return -1;
        }
        return 0;
    }
}
