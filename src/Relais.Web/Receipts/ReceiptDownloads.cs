using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Receipts;
using Relais.Web.Members;

namespace Relais.Web.Receipts;

/// <summary>
/// GET /admin/receipts/{year}/{id}.pdf (one donor's tax receipt) and /admin/receipts/{year}/receipts.zip
/// (all of the year's): drawn on demand from the stored receipt and the organization's settings,
/// only for the member's own organization.
/// </summary>
public static class ReceiptDownloads
{
    public static IEndpointRouteBuilder MapReceiptDownloads(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/receipts/{year:int}").RequireAuthorization(Policies.Member);
        group.MapGet("/{id:guid}.pdf", PdfAsync);
        group.MapGet("/receipts.zip", ZipAsync);
        return app;
    }

    private static async Task<IResult> PdfAsync(int year, Guid id, RelaisDb db, CurrentOrganization organization, CancellationToken ct)
    {
        var settings = await db.ReceiptSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganizationId == organization.Id, ct);
        var receipt = await db.TaxReceipts.AsNoTracking()
            .SingleOrDefaultAsync(r => r.OrganizationId == organization.Id && r.Year == year && r.Id == id, ct);
        if (settings is null || receipt is null)
        {
            return Results.NotFound();
        }
        return Results.File(Render(settings, receipt), "application/pdf", FileName(receipt));
    }

    private static async Task<IResult> ZipAsync(int year, RelaisDb db, CurrentOrganization organization, CancellationToken ct)
    {
        var settings = await db.ReceiptSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganizationId == organization.Id, ct);
        if (settings is null)
        {
            return Results.NotFound();
        }
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            await foreach (var receipt in db.TaxReceipts.AsNoTracking()
                .Where(r => r.OrganizationId == organization.Id && r.Year == year)
                .OrderBy(r => r.Number)
                .AsAsyncEnumerable().WithCancellation(ct))
            {
                // PDFs are already compressed.
                var entry = zip.CreateEntry(FileName(receipt), CompressionLevel.NoCompression);
                await using var stream = entry.Open();
                var pdf = Render(settings, receipt);
                await stream.WriteAsync(pdf, ct);
            }
        }
        output.Position = 0;
        return Results.File(output, "application/zip", $"recus-fiscaux-{year}.zip");
    }

    public static byte[] Render(ReceiptSettings settings, TaxReceipt receipt) =>
        TaxReceiptPdf.Render(CerfaFields.For(settings, receipt, DateOnly.FromDateTime(receipt.UpdatedAt.UtcDateTime)));

    private static string FileName(TaxReceipt receipt) => $"recu-fiscal-{receipt.Reference}.pdf";
}
