using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Consents;
using Relais.Data;
using Relais.Organizations;
using Relais.Segments;
using Relais.Web.Hosting;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Segments;

/// <summary>
/// A segment's members as CSV (UTF-8 with BOM, semicolons, formula-like cells escaped, as French
/// Excel expects) or XLSX, for a saved segment (GET) or the builder's unsaved conditions (POST).
/// Rows stream from the database; the XLSX goes through a temporary file because the OpenXML
/// writer is synchronous and a zip package needs a seekable stream.
/// </summary>
public static class SegmentExport
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";

    public static IEndpointRouteBuilder MapSegmentExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/segments/{id:guid}/export.{format}", ExportSavedAsync).RequireAuthorization(Policies.Member);
        app.MapPost("/admin/segments/export.{format}", ExportUnsavedAsync).RequireAuthorization(Policies.Member).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ExportSavedAsync(
        Guid id, string format, RelaisDb db, CurrentOrganization organization, TimeProvider clock,
        IStringLocalizer<SharedResource> localizer, HttpContext http, CancellationToken ct)
    {
        if (format is not (Csv or Xlsx))
        {
            return Results.NotFound();
        }
        var segment = await db.Segments.InOrganization(organization.Id).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (segment is null)
        {
            return Results.NotFound();
        }
        var parse = SegmentParser.ParseJson(segment.Definition);
        if (parse.Definition is not { } definition
            || (await SegmentReferences.CheckAsync(db, organization.Id, definition, ct)).Count > 0)
        {
            // A tag or group deleted since the segment was saved: the organizer must fix it first.
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, detail: localizer["This segment's conditions are no longer valid: open it to correct them."]);
        }
        await WriteAsync(http, format, FileName(segment.Name, clock), SegmentRows.Of(db, organization.Id, definition, clock.GetUtcNow()), localizer, ct);
        return Results.Empty;
    }

    private static async Task<IResult> ExportUnsavedAsync(
        string format, RelaisDb db, CurrentOrganization organization, TimeProvider clock, IAntiforgery antiforgery,
        IStringLocalizer<SharedResource> localizer, HttpContext http, CancellationToken ct)
    {
        if (format is not (Csv or Xlsx))
        {
            return Results.NotFound();
        }
        if (!await antiforgery.IsRequestValidAsync(http) || !http.Request.HasFormContentType)
        {
            return Results.BadRequest();
        }
        var form = SegmentForm.Read(await http.Request.ReadFormAsync(ct));
        if (await form.CheckAsync(db, organization.Id, ct) is not { } definition)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["conditions"] = [.. form.Errors.Select(e => SegmentMessages.Text(localizer, e))],
            }, detail: localizer["The segment has invalid conditions."]);
        }
        var name = form.Name.Length > 0 ? form.Name : localizer["Segment"].Value.ToLowerInvariant();
        await WriteAsync(http, format, FileName(name, clock), SegmentRows.Of(db, organization.Id, definition, clock.GetUtcNow()), localizer, ct);
        return Results.Empty;
    }

    private static string FileName(string name, TimeProvider clock)
    {
        var safe = new string([.. name.Normalize(NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ' ')
            .Select(c => c == ' ' ? '-' : char.ToLowerInvariant(c))]).Trim('-');
        return $"segment-{(safe.Length == 0 ? "export" : safe[..Math.Min(safe.Length, 60)])}-{clock.GetUtcNow():yyyyMMdd}";
    }

    private static async Task WriteAsync(
        HttpContext http, string format, string fileName, IAsyncEnumerable<SegmentRow> rows, IStringLocalizer localizer, CancellationToken ct)
    {
        string[] headers =
        [
            localizer["Email"], localizer["First name"], localizer["Last name"], localizer["Postal code"], localizer["City"],
            localizer["Country"], localizer["Language"], localizer["Ladder level"], localizer["Email consent"],
            localizer["Last active (UTC)"], localizer["Tags"],
        ];
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}.{format}\"";
        if (format == Csv)
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            await WriteCsvAsync(http.Response.Body, headers, rows, ct);
        }
        else
        {
            http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            await WriteXlsxAsync(http.Response.Body, headers, rows, ct);
        }
    }

    private static string[] Cells(SegmentRow row) =>
    [
        row.Email, row.FirstName, row.LastName, row.PostalCode ?? "", row.City ?? "", row.Country ?? "", row.Language,
        row.LadderRank.ToString(CultureInfo.InvariantCulture), ConsentName(row.EmailConsent),
        row.LastActiveAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), row.Tags ?? "",
    ];

    private static string ConsentName(EmailConsentState state) => state.ToString().ToLowerInvariant();

    private static async Task WriteCsvAsync(Stream body, string[] headers, IAsyncEnumerable<SegmentRow> rows, CancellationToken ct)
    {
        await using var csv = ExcelCsv.Create(body);
        foreach (var header in headers)
        {
            csv.WriteField(header);
        }
        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var cell in Cells(row))
            {
                csv.WriteField(cell);
            }
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    private static async Task WriteXlsxAsync(Stream body, string[] headers, IAsyncEnumerable<SegmentRow> rows, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"relais-segment-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, headers, rankColumn: -1);
                await foreach (var row in rows.WithCancellation(ct))
                {
                    WriteRow(writer, Cells(row), rankColumn: 7);
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            using (var writer = OpenXmlWriter.Create(workbook))
            {
                writer.WriteStartElement(new Workbook());
                writer.WriteStartElement(new Sheets());
                writer.WriteElement(new Sheet { Name = "Segment", SheetId = 1, Id = workbook.GetIdOfPart(sheet) });
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
        }
        file.Position = 0;
        await file.CopyToAsync(body, ct);
    }

    private static void WriteRow(OpenXmlWriter writer, string[] cells, int rankColumn)
    {
        writer.WriteStartElement(new Row());
        for (var i = 0; i < cells.Length; i++)
        {
            if (i == rankColumn)
            {
                writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(cells[i]) });
            }
            else
            {
                writer.WriteElement(new Cell(new InlineString(new Text(XmlSafe(cells[i])) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    DataType = CellValues.InlineString,
                });
            }
        }
        writer.WriteEndElement();
    }

    // XML 1.0 cannot carry most control characters; a pasted name may hold one.
    private static string XmlSafe(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            ? new string([.. text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r')])
            : text;
}
