using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;
using Relais.Supporters;

namespace Relais.Privacy;

/// <summary>Supporters with no real contact for longer than their organization keeps data.</summary>
public static class Retention
{
    public const int MinMonths = 1;
    public const int MaxMonths = 120;
    private const int Chunk = 500;

    /// <summary>Last contact before this means the data is kept too long.</summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, int retentionMonths) => now.AddMonths(-retentionMonths);

    public static IQueryable<Supporter> DueForRetention(this IQueryable<Supporter> supporters, Guid organizationId, DateTimeOffset cutoff) =>
        supporters.InOrganization(organizationId).Where(s => s.ErasedAt == null && s.LastActiveAt < cutoff);

    /// <summary>Anonymizes every supporter due, a chunk per transaction; returns how many.</summary>
    public static async Task<int> ApplyRetentionAsync(this RelaisDb db, Organization organization, DateTimeOffset now, CancellationToken ct)
    {
        var cutoff = Cutoff(now, organization.RetentionMonths);
        var total = 0;
        while (true)
        {
            var ids = await db.Supporters.DueForRetention(organization.Id, cutoff)
                .OrderBy(s => s.Id).Select(s => s.Id).Take(Chunk).ToListAsync(ct);
            var erased = ids.Count == 0 ? 0 : await db.EraseAsync(organization.Id, ids, SuppressionReasons.Retention, now, ct);
            db.ChangeTracker.Clear();
            total += erased;
            if (erased == 0)
            {
                return total;
            }
        }
    }
}
