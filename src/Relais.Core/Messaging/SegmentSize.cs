using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;
using Relais.Segments;

namespace Relais.Messaging;

/// <summary>
/// How many supporters a saved segment holds now, for the composer (its page and
/// GET /admin/messages/segment-size), so that changing the segment updates it without saving.
/// </summary>
public static class SegmentSize
{
    /// <summary>The count, or null when the segment is not the organization's or its conditions need correcting.</summary>
    public static async Task<int?> CountAsync(RelaisDb db, Guid organizationId, Guid segmentId, DateTimeOffset now, CancellationToken ct)
    {
        var segment = await db.Segments.InOrganization(organizationId).AsNoTracking().SingleOrDefaultAsync(s => s.Id == segmentId, ct);
        if (segment is null
            || SegmentParser.ParseJson(segment.Definition).Definition is not { } definition
            || (await SegmentReferences.CheckAsync(db, organizationId, definition, ct)).Count > 0)
        {
            return null;
        }
        return await SegmentCounts.CountAsync(db, organizationId, definition, now, ct);
    }
}
