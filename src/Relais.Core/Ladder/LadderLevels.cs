using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Ladder;

/// <summary>An organization's ladder levels, created from <see cref="DefaultLadder"/> the first time they are needed.</summary>
public static class LadderLevels
{
    /// <summary>
    /// The organization's levels by rank, after creating the default ones if it has none. Call it
    /// outside a transaction: when two callers race, the unique (organization, rank) index lets one
    /// win and the other reads what the winner wrote.
    /// </summary>
    public static async Task<IReadOnlyList<LadderLevel>> EnsureAsync(this RelaisDb db, Guid organizationId, CancellationToken ct)
    {
        var levels = await ListAsync(db, organizationId, ct);
        if (levels.Count > 0)
        {
            return levels;
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // In rank order, one row after another: racing callers then all wait on the first row
            // and the losers fail on it. SaveChanges orders the rows by their random ids, so two
            // callers could each hold a row the other needed, a deadlock on PostgreSQL.
            await db.InsertAsync(DefaultLadder.For(organizationId), ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbException)
        {
            // Another request or node created them first, unless nobody did.
            var created = await ListAsync(db, organizationId, ct);
            if (created.Count == 0)
            {
                throw;
            }
            return created;
        }
        return await ListAsync(db, organizationId, ct);
    }

    /// <summary>Marks every supporter of the organization due, after its rules changed: one UPDATE.</summary>
    public static Task<int> MarkOrganizationDueAsync(this RelaisDb db, Guid organizationId, CancellationToken ct) =>
        db.Supporters.InOrganization(organizationId)
            .Where(s => s.ErasedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LadderEvaluatedAt, (DateTimeOffset?)null), ct);

    /// <summary>
    /// Time-windowed rules stop holding as days pass without any new activity: marks due the
    /// supporters who stand on or above the lowest level that has such a rule.
    /// </summary>
    public static async Task<int> MarkWindowedDueAsync(this RelaisDb db, Guid organizationId, CancellationToken ct)
    {
        var levels = await ListAsync(db, organizationId, ct);
        var lowest = levels
            .Where(l => LadderRules.Parse(l.Rules).Conditions.Any(c => c.WithinDays is not null))
            .Select(l => (int?)l.Rank)
            .Min();
        if (lowest is not { } rank)
        {
            return 0;
        }
        return await db.Supporters.InOrganization(organizationId)
            .Where(s => s.ErasedAt == null && s.LadderRank >= rank)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LadderEvaluatedAt, (DateTimeOffset?)null), ct);
    }

    internal static async Task<IReadOnlyList<LadderLevel>> ListAsync(RelaisDb db, Guid organizationId, CancellationToken ct) =>
        await db.LadderLevels.AsNoTracking().InOrganization(organizationId).OrderBy(l => l.Rank).ToListAsync(ct);
}
