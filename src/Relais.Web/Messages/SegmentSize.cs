using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Organizations;
using Relais.Segments;
using Relais.Web.Localization;
using Relais.Web.Members;
using Relais.Web.Segments;

namespace Relais.Web.Messages;

/// <summary>
/// How many supporters a saved segment holds now, for the composer: GET /admin/messages/segment-size?segment={id}
/// answers the sentence the page shows, so that changing the segment updates it without saving.
/// </summary>
public static class SegmentSize
{
    public sealed record Answer(int? Count, string Text);

    public static IEndpointRouteBuilder MapSegmentSize(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/messages/segment-size", AnswerAsync).RequireAuthorization(Policies.Member);
        return app;
    }

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

    public static string Text(IStringLocalizer localizer, int count) =>
        localizer["This segment holds {0} supporters now.", count.ToString("N0", CultureInfo.CurrentCulture)];

    private static async Task<IResult> AnswerAsync(
        Guid segment, RelaisDb db, CurrentOrganization organization, TimeProvider clock, IStringLocalizer<SharedResource> localizer, CancellationToken ct)
    {
        var count = await CountAsync(db, organization.Id, segment, clock.GetUtcNow(), ct);
        return count is { } value ? Results.Ok(new Answer(value, Text(localizer, value))) : Results.NotFound();
    }
}
