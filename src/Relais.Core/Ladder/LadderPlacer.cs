using System.Data;
using Microsoft.EntityFrameworkCore;
using Relais.Consents;
using Relais.Data;
using Relais.Groups;

namespace Relais.Ladder;

/// <summary>
/// Places supporters on their organization's ladder, a batch at a time: gathers their facts with a
/// few grouped queries, applies the rules, then updates the ranks and records a move for each change
/// in one short transaction.
/// </summary>
public sealed class LadderPlacer(TimeProvider clock)
{
    /// <summary>Small enough that the write transaction holds SQLite's one write lock for a few milliseconds.</summary>
    public const int BatchSize = 200;

    /// <summary>Places up to <see cref="BatchSize"/> due supporters of the organization; returns how many were due.</summary>
    public async Task<int> PlaceDueAsync(RelaisDb db, Guid organizationId, CancellationToken ct)
    {
        var levels = await db.EnsureAsync(organizationId, ct);
        var due = await db.Supporters.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId)
            .DueForLadder()
            .Select(s => s.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
        if (due.Count > 0)
        {
            await PlaceAsync(db, organizationId, levels, due, ct);
        }
        return due.Count;
    }

    /// <summary>
    /// Places the given supporters of the organization by its <paramref name="levels"/>; returns the
    /// moves recorded. The facts are read before the write transaction, which then keeps only the
    /// supporters whose record and activities are as they were read, under the same rules: the others
    /// stay due and are placed again by the next run, never marked placed without what they just did.
    /// </summary>
    public async Task<IReadOnlyList<LadderMove>> PlaceAsync(
        RelaisDb db, Guid organizationId, IReadOnlyList<LadderLevel> levels, IReadOnlyCollection<Guid> supporterIds, CancellationToken ct)
    {
        var ids = supporterIds.ToList();
        var steps = levels.Select(LadderRules.StepOf).ToList();
        var read = await StatesAsync(db, organizationId, ids, ct);
        // Erased people keep the rank their counted actions gave them, and are not looked at again.
        var live = read.Values.Where(s => !s.Erased).Select(s => s.Id).ToList();
        var facts = await GatherAsync(db, steps, live, clock.GetUtcNow(), ct);

        // On PostgreSQL, repeatable read makes a supporter changed after the check below fail the
        // update and the batch run again; SQLite serializes writers anyway.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        if (!SameRules(levels, await LadderLevels.ListAsync(db, organizationId, ct)))
        {
            return [];
        }
        var now = clock.GetUtcNow();
        var current = await StatesAsync(db, organizationId, ids, ct);
        var placed = read.Values.Where(s => current.TryGetValue(s.Id, out var state) && state == s).ToList();

        var moves = new List<LadderMove>();
        foreach (var supporter in placed.Where(s => !s.Erased))
        {
            var supporterFacts = facts[supporter.Id];
            supporterFacts.EmailConsentGranted = supporter.EmailConsent == EmailConsentState.Granted;
            var placement = LadderPlacement.Place(steps, supporterFacts);
            if (placement.Rank != supporter.LadderRank)
            {
                moves.Add(new LadderMove
                {
                    OrganizationId = organizationId,
                    SupporterId = supporter.Id,
                    FromRank = supporter.LadderRank,
                    ToRank = placement.Rank,
                    MovedAt = now,
                    Reason = placement.Reason,
                });
            }
        }
        foreach (var rank in moves.GroupBy(m => m.ToRank))
        {
            var moved = rank.Select(m => m.SupporterId).ToList();
            await db.Supporters.Where(s => EF.Parameter(moved).Contains(s.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LadderRank, rank.Key).SetProperty(x => x.LadderEvaluatedAt, now), ct);
        }
        var unchanged = placed.Select(s => s.Id).Except(moves.Select(m => m.SupporterId)).ToList();
        if (unchanged.Count > 0)
        {
            await db.Supporters.Where(s => EF.Parameter(unchanged).Contains(s.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LadderEvaluatedAt, now), ct);
        }
        await db.InsertAsync(moves, ct);
        await transaction.CommitAsync(ct);
        return moves;
    }

    /// <summary>What a placement rests on, per supporter: equal states mean nothing happened to them in between.</summary>
    private sealed record SupporterState(
        Guid Id, int LadderRank, EmailConsentState EmailConsent, bool Erased, DateTimeOffset LastActiveAt, DateTimeOffset? LadderEvaluatedAt, int Activities);

    private static async Task<Dictionary<Guid, SupporterState>> StatesAsync(RelaisDb db, Guid organizationId, List<Guid> ids, CancellationToken ct)
    {
        // One JSON parameter rather than one per id (SQLite looks named parameters up one by one), and
        // the organization checked here rather than in the query: SQLite without statistics would
        // otherwise read the organization's every supporter through an (OrganizationId, ...) index.
        var supporters = await db.Supporters.AsNoTracking()
            .Where(s => EF.Parameter(ids).Contains(s.Id))
            .Select(s => new { s.Id, s.OrganizationId, s.LadderRank, s.EmailConsent, Erased = s.ErasedAt != null, s.LastActiveAt, s.LadderEvaluatedAt })
            .ToListAsync(ct);
        // A merge can bring older activities without changing the dates: the count shows them.
        var activities = await db.Activities.AsNoTracking()
            .Where(a => EF.Parameter(ids).Contains(a.SupporterId))
            .GroupBy(a => a.SupporterId)
            .Select(g => new { SupporterId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SupporterId, g => g.Count, ct);
        return supporters
            .Where(s => s.OrganizationId == organizationId)
            .ToDictionary(
                s => s.Id,
                s => new SupporterState(
                    s.Id, s.LadderRank, s.EmailConsent, s.Erased, s.LastActiveAt, s.LadderEvaluatedAt, activities.GetValueOrDefault(s.Id)));
    }

    private static bool SameRules(IReadOnlyList<LadderLevel> used, IReadOnlyList<LadderLevel> now) =>
        used.Select(l => (l.Id, l.Rank, l.Rules)).SequenceEqual(now.Select(l => (l.Id, l.Rank, l.Rules)));

    private static async Task<Dictionary<Guid, SupporterFacts>> GatherAsync(
        RelaisDb db, IReadOnlyList<LadderStep> steps, List<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        var facts = ids.ToDictionary(id => id, _ => new SupporterFacts());
        if (ids.Count == 0)
        {
            return facts;
        }
        var conditions = steps.SelectMany(s => s.Conditions).ToList();
        // The ids are the organization's supporters already; naming the organization again would let
        // SQLite read its every activity through an (OrganizationId, ...) index, as in StatesAsync.
        var activities = db.Activities.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.SupporterId));
        if (conditions.Any(c => c.Type == LadderConditionType.Activity && c.WithinDays is null))
        {
            var counts = await activities
                .GroupBy(a => new { a.SupporterId, a.Type })
                .Select(g => new { g.Key.SupporterId, g.Key.Type, Count = g.Count() })
                .ToListAsync(ct);
            foreach (var count in counts)
            {
                facts[count.SupporterId].With(count.Type, count.Count);
            }
        }
        foreach (var days in conditions.Where(c => c.Type == LadderConditionType.Activity).Select(c => c.WithinDays).OfType<int>().Distinct())
        {
            var since = now.AddDays(-days);
            var counts = await activities
                .Where(a => a.OccurredAt >= since)
                .GroupBy(a => new { a.SupporterId, a.Type })
                .Select(g => new { g.Key.SupporterId, g.Key.Type, Count = g.Count() })
                .ToListAsync(ct);
            foreach (var count in counts)
            {
                facts[count.SupporterId].With(count.Type, count.Count, days);
            }
        }
        if (conditions.Any(c => c.Type is LadderConditionType.LeadsGroup or LadderConditionType.GroupMember))
        {
            var memberships = await db.GroupMemberships.AsNoTracking()
                .Where(m => EF.Parameter(ids).Contains(m.SupporterId))
                .Select(m => new { m.SupporterId, m.Role })
                .Distinct()
                .ToListAsync(ct);
            foreach (var membership in memberships)
            {
                var f = facts[membership.SupporterId];
                f.InGroup = true;
                f.LeadsGroup |= membership.Role == GroupRole.Leader;
            }
        }
        return facts;
    }
}
