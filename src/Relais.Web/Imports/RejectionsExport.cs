using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Imports;
using Relais.Organizations;
using Relais.Web.Hosting;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Imports;

/// <summary>
/// GET /admin/imports/{id}/rejections.csv: the rows not taken and why, in the reader's language.
/// UTF-8 with a BOM and semicolons for French Excel; formula-like cells escaped.
/// </summary>
public static class RejectionsExport
{
    public static async Task<IResult> ExportAsync(
        Guid id, RelaisDb db, CurrentOrganization organization, IStringLocalizer<SharedResource> localizer, HttpContext http, CancellationToken ct)
    {
        var import = await db.Imports.InOrganization(organization.Id).AsNoTracking()
            .Where(i => i.Id == id).Select(i => new { i.Id, i.FileName }).SingleOrDefaultAsync(ct);
        if (import is null)
        {
            return Results.NotFound();
        }
        var name = Path.GetFileNameWithoutExtension(import.FileName);
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"rejets-{safe}.csv\"";
        await using var csv = ExcelCsv.Create(http.Response.Body);
        csv.WriteField(localizer["Row"].Value);
        csv.WriteField(localizer["Reason"].Value);
        csv.WriteField(localizer["data"].Value);
        await csv.NextRecordAsync();
        var rows = db.ImportRejections.AsNoTracking().Where(r => r.ImportId == import.Id).OrderBy(r => r.RowNumber).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            var problem = ImportProblem.FromStored(row.Reason);
            csv.WriteField(row.RowNumber);
            csv.WriteField(localizer[problem.MessageKey, problem.Arguments].Value);
            csv.WriteField(row.Raw);
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
        return Results.Empty;
    }
}
