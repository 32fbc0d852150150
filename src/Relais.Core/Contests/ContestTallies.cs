using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Giving;

namespace Relais.Contests;

/// <summary>
/// Keeps the contest tallies in the ledger's transaction: a donation counts on the boards of the
/// contests its fundraiser (or team) entered when it succeeded within their period, a refund takes
/// it back, and a frozen contest no longer changes. Many moves are tallied together, one set of
/// statements per board rather than per donation.
/// </summary>
public sealed class ContestTallies : IDonationObserver
{
    /// <summary>PostgreSQL's channel for board changes; a NOTIFY inside the transaction is delivered at commit.</summary>
    public const string Channel = "relais_contests";

    private sealed record BoardChange(Guid ContestId)
    {
        public long Amount { get; set; }
        public int Donations { get; set; }
        public Dictionary<Guid, int> DonationsByDonor { get; } = [];
    }

    public Task OnMovedAsync(RelaisDb db, DonationMove move, CancellationToken ct) => OnMovedManyAsync(db, [move], ct);

    public async Task OnMovedManyAsync(RelaisDb db, IReadOnlyList<DonationMove> moves, CancellationToken ct)
    {
        var counted = moves.Where(m => m.CountDelta != 0).ToList();
        if (counted.Count == 0)
        {
            return;
        }
        var fundraiserIds = counted.Select(m => (Guid?)m.Donation.FundraiserId).Distinct().ToList();
        var teamIds = counted.Select(m => m.Donation.FundraisingTeamId).OfType<Guid>().Select(id => (Guid?)id).Distinct().ToList();
        var entries = await db.ContestEntries
            .Where(e => fundraiserIds.Contains(e.FundraiserId) || (e.TeamId != null && teamIds.Contains(e.TeamId)))
            .Join(db.Contests.Where(c => c.FrozenAt == null), e => e.ContestId, c => c.Id, (e, c) => new { e.Id, e.FundraiserId, e.TeamId, Contest = c })
            .ToListAsync(ct);
        if (entries.Count == 0)
        {
            return;
        }
        var changes = new Dictionary<(Guid EntryId, ContestBoard Board), BoardChange>();
        foreach (var move in counted)
        {
            var donation = move.Donation;
            var countedAt = donation.SettledAt ?? move.At;
            foreach (var entry in entries.Where(e => e.FundraiserId == donation.FundraiserId || (e.TeamId != null && e.TeamId == donation.FundraisingTeamId)))
            {
                var contest = entry.Contest;
                if (contest.Period.IsOver(move.At) || contest.Currency != donation.Currency)
                {
                    continue;
                }
                foreach (var board in contest.Period.BoardsAt(countedAt))
                {
                    if (!changes.TryGetValue((entry.Id, board), out var change))
                    {
                        changes[(entry.Id, board)] = change = new BoardChange(contest.Id);
                    }
                    change.Amount += donation.AmountMinor * move.CountDelta;
                    change.Donations += move.CountDelta;
                    change.DonationsByDonor[donation.SupporterId] = change.DonationsByDonor.GetValueOrDefault(donation.SupporterId) + move.CountDelta;
                }
            }
        }
        foreach (var ((entryId, board), change) in changes)
        {
            var donors = await CountDonorsAsync(db, entryId, board, change.DonationsByDonor, ct);
            await db.ContestTallies.Where(t => t.EntryId == entryId && t.Board == board).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.AmountMinor, t => t.AmountMinor + change.Amount)
                .SetProperty(t => t.DonationCount, t => t.DonationCount + change.Donations)
                .SetProperty(t => t.DonorCount, t => t.DonorCount + donors), ct);
        }
        foreach (var contestId in changes.Values.Select(c => c.ContestId).Distinct())
        {
            await BoardChangedAsync(db, contestId, ct);
        }
    }

    /// <summary>Tells the watchers of the contest's boards, at commit, that they changed.</summary>
    public static async Task BoardChangedAsync(RelaisDb db, Guid contestId, CancellationToken ct)
    {
        await db.Contests.Where(c => c.Id == contestId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.BoardVersion, c => c.BoardVersion + 1), ct);
        if (db.Database.IsNpgsql())
        {
            var payload = contestId.ToString("N");
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
        }
    }

    /// <summary>
    /// Counts the donors' donations on the entry's board and returns how the number of donors
    /// changes: +1 for each donor whose first donations arrive, -1 for each whose last ones are taken
    /// back. Rows are created with ON CONFLICT and read back after the increment, so two
    /// transactions with the same donor never collide nor both count them.
    /// </summary>
    private static async Task<int> CountDonorsAsync(RelaisDb db, Guid entryId, ContestBoard board, Dictionary<Guid, int> donationsByDonor, CancellationToken ct)
    {
        var arriving = donationsByDonor.Where(d => d.Value > 0).Select(d => d.Key).ToList();
        if (arriving.Count > 0)
        {
            // Only numbered placeholders go into the text; every value is a parameter.
            var rows = string.Join(", ", arriving.Select((_, i) => $"({{0}}, {{1}}, {{{i + 2}}}, 0)"));
            var sql = """INSERT INTO "ContestDonors" ("EntryId", "Board", "SupporterId", "Donations") VALUES """ + rows + " ON CONFLICT DO NOTHING";
            object[] parameters = [entryId, (int)board, .. arriving.Cast<object>()];
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
        var onBoard = db.ContestDonors.Where(d => d.EntryId == entryId && d.Board == board);
        foreach (var step in donationsByDonor.Where(d => d.Value != 0).GroupBy(d => d.Value))
        {
            var delta = step.Key;
            var supporters = step.Select(d => d.Key).ToList();
            await onBoard.Where(d => supporters.Contains(d.SupporterId))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Donations, d => d.Donations + delta), ct);
        }
        var changed = donationsByDonor.Where(d => d.Value != 0).Select(d => d.Key).ToList();
        var now = await onBoard.Where(d => changed.Contains(d.SupporterId)).Select(d => new { d.SupporterId, d.Donations }).ToListAsync(ct);
        var first = now.Count(d => donationsByDonor[d.SupporterId] > 0 && d.Donations == donationsByDonor[d.SupporterId]);
        var gone = now.Where(d => donationsByDonor[d.SupporterId] < 0 && d.Donations <= 0).Select(d => d.SupporterId).ToList();
        if (gone.Count > 0)
        {
            await onBoard.Where(d => gone.Contains(d.SupporterId)).ExecuteDeleteAsync(ct);
        }
        return first - gone.Count;
    }
}
