using System.Data;
using Microsoft.EntityFrameworkCore;
using Relais.Consents;
using Relais.Data;
using Relais.Groups;

namespace Relais.Ladder;

/// <summary>
/// Places supporters on their organization's ladder, a batch at a time: gathers their facts with a
/// few grouped queries, applies the rules, updates the ranks and records a move for each change, in
/// one transaction.
/// </summary>
public sealed class LadderPlacer(TimeProvider clock)
{
    public const int BatchSize = 500;

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
            await PlaceAsync(db, organizationId, levels.Select(LadderRules.StepOf).ToList(), due, ct);
        }
        return due.Count;
    }

    /// <summary>Places the given supporters of the organization; returns the moves recorded.</summary>
    public async Task<IReadOnlyList<LadderMove>> PlaceAsync(
        RelaisDb db, Guid organizationId, IReadOnlyList<LadderStep> steps, IReadOnlyCollection<Guid> supporterIds, CancellationToken ct)
    {
        var ids = supporterIds.ToList();
        // Repeatable read: an activity committed after our reads makes the update below fail and
        // the batch run again, rather than be marked placed without it (SQLite serializes anyway).
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var now = clock.GetUtcNow();
        var supporters = await db.Supporters.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId && ids.Contains(s.Id))
            .Select(s => new { s.Id, s.LadderRank, s.EmailConsent, Erased = s.ErasedAt != null })
            .ToListAsync(ct);
        // Erased people keep the rank their counted actions gave them, and are not looked at again.
        var live = supporters.Where(s => !s.Erased).Select(s => s.Id).ToList();
        var facts = await GatherAsync(db, organizationId, steps, live, now, ct);

        var moves = new List<LadderMove>();
        foreach (var supporter in supporters.Where(s => !s.Erased))
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
            await db.Supporters.Where(s => moved.Contains(s.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LadderRank, rank.Key).SetProperty(x => x.LadderEvaluatedAt, now), ct);
        }
        var unchanged = supporters.Select(s => s.Id).Except(moves.Select(m => m.SupporterId)).ToList();
        if (unchanged.Count > 0)
        {
            await db.Supporters.Where(s => unchanged.Contains(s.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LadderEvaluatedAt, now), ct);
        }
        await db.InsertAsync(moves, ct);
        await transaction.CommitAsync(ct);
        return moves;
    }

    private static async Task<Dictionary<Guid, SupporterFacts>> GatherAsync(
        RelaisDb db, Guid organizationId, IReadOnlyList<LadderStep> steps, List<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        var facts = ids.ToDictionary(id => id, _ => new SupporterFacts());
        if (ids.Count == 0)
        {
            return facts;
        }
        var conditions = steps.SelectMany(s => s.Conditions).ToList();
        var activities = db.Activities.AsNoTracking().Where(a => a.OrganizationId == organizationId && ids.Contains(a.SupporterId));
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
                .Where(m => m.OrganizationId == organizationId && ids.Contains(m.SupporterId))
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
