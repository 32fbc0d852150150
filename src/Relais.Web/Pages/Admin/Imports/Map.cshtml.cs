using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Imports;
using Relais.Tags;
using Relais.Web.Imports;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Imports;

/// <summary>Which supporter field each column fills, the batch tag, and where consent comes from.</summary>
[Authorize(Policy = Policies.Organizer)]
public sealed class MapModel(
    RelaisDb db, CurrentOrganization organization, ImportRunner runner, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int DeclarationMax = 500;
    public const int SampleRows = 3;

    [BindProperty]
    public List<string?> Columns { get; set; } = [];

    [BindProperty]
    public string? TagName { get; set; }

    [BindProperty]
    public ImportConsentMode Consent { get; set; }

    [BindProperty]
    public string? Declaration { get; set; }

    public Import Import { get; private set; } = null!;
    public string[] Header { get; private set; } = [];
    public List<string[]> Sample { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } other)
        {
            return other;
        }
        var map = ImportColumnMap.FromJson(Import.Mapping, Header.Length);
        Columns = map.Columns.Select(c => c?.ToString()).ToList();
        Consent = map.Consent;
        TagName = Import.TagName;
        Declaration = Import.ConsentSource;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } other)
        {
            return other;
        }
        var columns = Enumerable.Range(0, Header.Length)
            .Select(i => i < Columns.Count && Enum.TryParse<ImportField>(Columns[i], out var field) ? field : (ImportField?)null)
            .ToList();
        var map = new ImportColumnMap(columns, Enum.IsDefined(Consent) ? Consent : ImportConsentMode.Nobody);
        Errors.AddRange(map.Validate(Header, Declaration).Select(p => ImportPages.Message(localizer, p)));
        var tag = TagName?.Trim();
        if (tag is { Length: > Tag.NameMax } || tag?.Any(char.IsControl) == true)
        {
            Errors.Add(localizer[ImportPageMessages.TagTooLong]);
        }
        var declaration = Declaration?.Trim();
        if (declaration is { Length: > DeclarationMax } || declaration?.Any(c => char.IsControl(c) && c is not ('\r' or '\n')) == true)
        {
            Errors.Add(localizer[ImportPageMessages.DeclarationTooLong]);
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Import.Mapping = map.ToJson();
        Import.TagName = string.IsNullOrEmpty(tag) ? null : tag;
        Import.ConsentSource = map.Consent == ImportConsentMode.Nobody ? null : declaration;
        Import.Status = ImportStatus.Uploaded;
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/imports/{id}/preview");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await ImportPages.FindAsync(db, organization.Id, id, ct) is not { } import)
        {
            return NotFound();
        }
        if (!ImportCommands.CanMap(import))
        {
            return Redirect($"/admin/imports/{id}");
        }
        Import = import;
        (Header, Sample) = ImportPages.Head(runner, import, SampleRows);
        return null;
    }
}
