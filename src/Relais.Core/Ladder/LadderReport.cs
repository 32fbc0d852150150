using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Ladder;

/// <summary>One level's figures: who stands there now, who moved into it in the period, who ever reached it.</summary>
public sealed record LadderReportRow(
    int Rank, string NameFr, string NameEn, int Standing, int MovedUpInto, int MovedDownInto, int EverReached)
{
    public string NameFor(string language) => language == Languages.English ? NameEn : NameFr;
}

public sealed record LadderReport(
    IReadOnlyList<LadderReportRow> Levels, int NotPlaced, int MovesUp, int MovesDown, DateOnly From, DateOnly To)
{
    /// <summary>Of those who ever reached level k, the share who reached k + 1; null when nobody reached k.</summary>
    public double? ConversionFrom(int index) =>
        index + 1 < Levels.Count && Levels[index].EverReached > 0
            ? (double)Levels[index + 1].EverReached / Levels[index].EverReached
            : null;

    public static async Task<LadderReport> BuildAsync(RelaisDb db, Guid organizationId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var levels = await db.EnsureAsync(organizationId, ct);
        var standing = await db.Supporters.AsNoTracking().InOrganization(organizationId)
            .GroupBy(s => s.LadderRank)
            .Select(g => new { Rank = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Rank, g => g.Count, ct);
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var moves = await db.LadderMoves.AsNoTracking().InOrganization(organizationId)
            .Where(m => m.MovedAt >= start && m.MovedAt < end)
            .GroupBy(m => new { m.ToRank, Up = m.ToRank > m.FromRank })
            .Select(g => new { g.Key.ToRank, g.Key.Up, Count = g.Count() })
            .ToListAsync(ct);
        // The highest level each supporter ever reached: the top of any recorded move, up or down.
        var reachedByMoves = await db.LadderMoves.AsNoTracking().InOrganization(organizationId)
            .GroupBy(m => m.SupporterId)
            .Select(g => new { SupporterId = g.Key, Highest = g.Max(m => m.ToRank > m.FromRank ? m.ToRank : m.FromRank) })
            .GroupBy(x => x.Highest)
            .Select(g => new { Rank = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Rank, g => g.Count, ct);

        var rows = levels.Select(l => new LadderReportRow(
                l.Rank,
                l.NameFr,
                l.NameEn,
                standing.GetValueOrDefault(l.Rank),
                moves.Where(m => m.Up && m.ToRank == l.Rank).Sum(m => m.Count),
                moves.Where(m => !m.Up && m.ToRank == l.Rank).Sum(m => m.Count),
                reachedByMoves.Where(r => r.Key >= l.Rank).Sum(r => r.Value)))
            .ToList();
        return new LadderReport(
            rows,
            standing.Where(s => !levels.Any(l => l.Rank == s.Key)).Sum(s => s.Value),
            moves.Where(m => m.Up).Sum(m => m.Count),
            moves.Where(m => !m.Up).Sum(m => m.Count),
            from,
            to);
    }
}
