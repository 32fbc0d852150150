using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;
using Relais.Segments;
using Relais.Web.Members;
using Relais.Web.Segments;

namespace Relais.Web.Pages.Admin.Segments;

/// <summary>The organization's saved segments, each with its count as of now.</summary>
public sealed class IndexModel(RelaisDb db, CurrentOrganization organization, TimeProvider clock) : PageModel
{
    public sealed record Entry(Guid Id, string Name, int? Count, DateTimeOffset UpdatedAt);

    public IReadOnlyList<Entry> Segments { get; private set; } = [];
    public bool CanEdit => organization.CanEdit;
    public bool Deleted { get; private set; }

    public async Task OnGetAsync(bool deleted, CancellationToken ct)
    {
        Deleted = deleted;
        var segments = await db.Segments.InOrganization(organization.Id).AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var entries = new List<Entry>(segments.Count);
        foreach (var segment in segments)
        {
            int? count = null;
            if (SegmentParser.ParseJson(segment.Definition).Definition is { } definition
                && (await SegmentReferences.CheckAsync(db, organization.Id, definition, ct)).Count == 0)
            {
                count = await SegmentCounts.CountAsync(db, organization.Id, definition, now, ct);
            }
            entries.Add(new Entry(segment.Id, segment.Name, count, segment.UpdatedAt));
        }
        Segments = entries;
    }
}
