using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relais.Data;
using Relais.Imports;
using Relais.Web.Imports;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Imports;

/// <summary>The first rows as mapped, each with its verdict; from here a dry run or the real run.</summary>
[Authorize(Policy = Policies.Organizer)]
public sealed class PreviewModel(
    RelaisDb db, CurrentOrganization organization, ImportRunner runner, ImportSignal signal, TimeProvider clock) : PageModel
{
    public const int PreviewRows = 20;

    public sealed record Row(int Number, ImportedPerson? Person, ImportProblem? Problem);

    public Import Import { get; private set; } = null!;
    public ImportColumnMap Map { get; private set; } = null!;
    public List<Row> Rows { get; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
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
        var (header, rows) = ImportPages.Head(runner, import, PreviewRows);
        Map = ImportColumnMap.FromJson(import.Mapping, header.Length);
        var reader = new ImportRowReader(Map, header);
        var duplicates = new DuplicateEmails();
        foreach (var (cells, index) in rows.Select((r, i) => (r, i + 1)))
        {
            var (person, problem) = reader.Read(cells);
            if (person is not null && duplicates.Check(person, index) is { } duplicate)
            {
                (person, problem) = (null, duplicate);
            }
            Rows.Add(new Row(index, person, problem));
        }
        return Page();
    }

    public Task<IActionResult> OnPostDryRunAsync(Guid id, CancellationToken ct) => QueueAsync(id, dryRun: true, ct);

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) => QueueAsync(id, dryRun: false, ct);

    private async Task<IActionResult> QueueAsync(Guid id, bool dryRun, CancellationToken ct)
    {
        if (await ImportPages.FindAsync(db, organization.Id, id, ct) is not { } import)
        {
            return NotFound();
        }
        var header = ImportPages.Head(runner, import, 0).Header;
        if (ImportColumnMap.FromJson(import.Mapping, header.Length).Validate(header, import.ConsentSource).Count > 0)
        {
            return Redirect($"/admin/imports/{id}/map");
        }
        if (await ImportCommands.QueueAsync(db, organization.Id, id, dryRun, ct))
        {
            await ImportMappings.RememberAsync(db, import, header, clock.GetUtcNow(), ct);
            signal.Poke();
        }
        return Redirect($"/admin/imports/{id}");
    }
}
