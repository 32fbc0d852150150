using Microsoft.EntityFrameworkCore;
using Relais.Consents;
using Relais.Data;
using Relais.Segments;

namespace Relais.Web.Segments;

public sealed record SegmentRow(
    string Email, string FirstName, string LastName, string? PostalCode, string? City, string? Country,
    string Language, int LadderRank, EmailConsentState EmailConsent, DateTimeOffset LastActiveAt, string? Tags);

/// <summary>The members of a segment as exported, read as one stream: tags are folded into one cell by the database.</summary>
public static class SegmentRows
{
    public static IAsyncEnumerable<SegmentRow> Of(RelaisDb db, Guid organizationId, SegmentDefinition definition, DateTimeOffset now) =>
        SegmentQuery.Supporters(db, organizationId, definition, now)
            .AsNoTracking()
            .OrderBy(s => s.Id)
            .Select(s => new SegmentRow(
                s.Email, s.FirstName, s.LastName, s.PostalCode, s.City, s.Country, s.Language, s.LadderRank, s.EmailConsent, s.LastActiveAt,
                string.Join(", ", db.SupporterTags
                    .Where(t => t.SupporterId == s.Id && t.OrganizationId == organizationId)
                    .Join(db.Tags, t => t.TagId, tag => tag.Id, (t, tag) => tag.Name))))
            .AsAsyncEnumerable();
}
