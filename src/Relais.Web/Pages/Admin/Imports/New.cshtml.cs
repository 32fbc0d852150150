using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Imports;
using Relais.Organizations;
using Relais.Web.Imports;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Imports;

/// <summary>Upload: the file is stored under the data folder, read once to find how to read it, then mapped.</summary>
[Authorize(Policy = Policies.Organizer)]
[ImportUploadLimit]
public sealed class NewModel(
    RelaisDb db,
    CurrentOrganization organization,
    IOptions<DatabaseOptions> database,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{

    public int MaxMegabytes => options.Value.MaxUploadMegabytes;
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            return Invalid(localizer[ImportPageMessages.ChooseFile]);
        }
        if (file.Length == 0)
        {
            return Invalid(localizer[ImportMessages.Empty]);
        }
        if (ImportFile.FormatOf(file.FileName) is not { } format)
        {
            return Invalid(localizer[ImportMessages.UnknownFormat]);
        }
        var id = Guid.CreateVersion7();
        var storedPath = Path.Combine("imports", $"{id}.{format}");
        var fullPath = Path.Combine(Path.GetFullPath(database.Value.DataFolder), storedPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        await using (var target = new FileStream(fullPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await file.CopyToAsync(target, ct);
        }
        var analysis = ImportFile.Analyze(fullPath, format);
        if (analysis.Problem is { } problem)
        {
            System.IO.File.Delete(fullPath);
            return Invalid(localizer[problem.MessageKey]);
        }
        var signature = ImportColumnMap.HeaderSignature(analysis.Header);
        var remembered = await db.ImportMappings.InOrganization(organization.Id)
            .Where(m => m.HeaderSignature == signature).Select(m => m.Mapping).SingleOrDefaultAsync(ct);
        var mapping = remembered is not null
            ? ImportColumnMap.FromJson(remembered, analysis.Header.Count)
            : HeaderGuess.Guess(analysis.Header);
        var name = Path.GetFileName(file.FileName);
        db.Imports.Add(new Import
        {
            Id = id,
            OrganizationId = organization.Id,
            FileName = name.Length <= 255 ? name : name[^255..],
            StoredPath = storedPath,
            Format = format,
            Encoding = analysis.Encoding,
            Delimiter = analysis.Delimiter,
            TotalRows = analysis.TotalRows,
            Mapping = mapping.ToJson(),
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/imports/{id}/map");
    }

    private PageResult Invalid(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
