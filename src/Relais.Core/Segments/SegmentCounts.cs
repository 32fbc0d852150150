using Microsoft.EntityFrameworkCore;
using Relais.Data;

namespace Relais.Segments;

/// <summary>How many supporters a segment holds: the builder's live count, the segment list, a message's audience.</summary>
public static class SegmentCounts
{
    // PostgreSQL's default of 4 prices each index page as a seek on a spinning disk, so the planner read
    // the whole 193 MB supporter table rather than the 57 MB segment index (SegmentIndexConfiguration).
    // 1.1 is the usual value for SSDs and for data held in memory; SET LOCAL keeps it to one query.
    private const string IndexFriendlyCosts = "SET LOCAL random_page_cost = 1.1";

    public static Task<int> CountAsync(RelaisDb db, Guid organizationId, SegmentDefinition definition, DateTimeOffset now, CancellationToken ct) =>
        WithIndexFriendlyCostsAsync(db, ct => SegmentQuery.Supporters(db, organizationId, definition, now).CountAsync(ct), ct);

    /// <summary>Runs a segment query planned with the costs above, in its own transaction (PostgreSQL only).</summary>
    public static async Task<T> WithIndexFriendlyCostsAsync<T>(RelaisDb db, Func<CancellationToken, Task<T>> query, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction is not null)
        {
            // In a caller's transaction the setting would outlive the query.
            return await query(ct);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(IndexFriendlyCosts, ct);
        var result = await query(ct);
        await transaction.CommitAsync(ct);
        return result;
    }
}
