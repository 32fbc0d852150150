using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;
using Relais.Web.Hosting;
using Relais.Web.Members;

namespace Relais.Web.Petitions;

/// <summary>
/// GET /admin/campaigns/{id}/signers.csv: every signer, streamed. UTF-8 with a BOM and semicolons,
/// which is what French Excel opens correctly; cells that a spreadsheet would run as formulas are escaped.
/// </summary>
public static class SignersExport
{
    public static IEndpointRouteBuilder MapSignersExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/campaigns/{id:guid}/signers.csv", ExportAsync).RequireAuthorization(Policies.Member);
        return app;
    }

    private static async Task<IResult> ExportAsync(
        Guid id, RelaisDb db, CurrentOrganization organization, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var campaign = await db.Campaigns.InOrganization(organization.Id).AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new { c.Slug, PetitionId = c.Petition == null ? (Guid?)null : c.Petition.Id })
            .SingleOrDefaultAsync(ct);
        if (campaign?.PetitionId is not { } petitionId)
        {
            return Results.NotFound();
        }
        var fileName = $"signataires-{campaign.Slug}-{clock.GetUtcNow():yyyyMMdd}.csv";
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var csv = ExcelCsv.Create(http.Response.Body);
        foreach (var header in Headers)
        {
            csv.WriteField(header);
        }
        await csv.NextRecordAsync();
        await foreach (var row in Signers.Of(db, organization.Id, petitionId, search: null).AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.WriteField(row.FirstName);
            csv.WriteField(row.LastName);
            csv.WriteField(row.Email);
            csv.WriteField(row.PostalCode);
            csv.WriteField(row.Country);
            csv.WriteField(row.Language);
            csv.WriteField(row.Comment);
            csv.WriteField(row.SignedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
        return Results.Empty;
    }

    private static readonly string[] Headers =
        ["prenom", "nom", "email", "code_postal", "pays", "langue", "commentaire", "signe_le_utc"];
}
