using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Organizations;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Imports;

/// <summary>GET /admin/imports/{id}/progress: what the progress page polls.</summary>
public static class ImportProgress
{
    public sealed record Dto(
        string Status, string StatusText, bool Active, bool DryRun, int Processed, int Total, int Inserted, int Updated, int Unchanged, int Rejected);

    public static async Task<IResult> GetAsync(
        Guid id, RelaisDb db, CurrentOrganization organization, IStringLocalizer<SharedResource> localizer, HttpContext http, CancellationToken ct)
    {
        var import = await db.Imports.InOrganization(organization.Id).AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (import is null)
        {
            return Results.NotFound();
        }
        http.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new Dto(
            import.Status.ToString(),
            localizer[ImportTexts.Status(import.Status, import.DryRun)],
            ImportTexts.IsActive(import.Status),
            import.DryRun,
            import.ProcessedRows,
            import.TotalRows,
            import.Inserted,
            import.Updated,
            import.Unchanged,
            import.Rejected));
    }
}
