using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Organizations;
using Relais.Segments;
using Relais.Web.Localization;
using Relais.Web.Members;
using Relais.Web.Segments;

namespace Relais.Web.Pages.Admin.Segments;

/// <summary>The segment builder: rows of conditions, all or any, a count, save, rename, delete and export.</summary>
public sealed class EditModel(
    RelaisDb db,
    CurrentOrganization organization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Segment? Segment { get; private set; }
    public SegmentForm Form { get; private set; } = new();
    public SegmentOptions Options { get; private set; } = null!;
    public bool CanEdit => organization.CanEdit;
    public int? Count { get; private set; }
    public string? NameError { get; private set; }
    public bool Saved { get; private set; }
    public string Action => Segment is null ? "/admin/segments/new" : $"/admin/segments/{Segment.Id}";

    public async Task<IActionResult> OnGetAsync(Guid? id, bool saved, CancellationToken ct)
    {
        if (id is { } segmentId)
        {
            Segment = await FindAsync(segmentId, ct);
            if (Segment is null)
            {
                return NotFound();
            }
            var parse = SegmentParser.ParseJson(Segment.Definition);
            Form = parse.Definition is { } definition ? SegmentForm.From(Segment.Name, definition) : new SegmentForm { Name = Segment.Name };
        }
        Saved = saved;
        var page = await ShowAsync(count: true, ct);
        // Opening a segment whose tag or group was deleted since is not a bad request: show what to correct.
        Response.StatusCode = StatusCodes.Status200OK;
        return page;
    }

    public async Task<IActionResult> OnPostCountAsync(Guid? id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? await ShowAsync(count: true, ct);

    /// <summary>Without JavaScript, a new row comes from the server.</summary>
    public async Task<IActionResult> OnPostAddAsync(Guid? id, string? add, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } notFound)
        {
            return notFound;
        }
        if (SegmentParser.TryKind(add, out _) && Form.Rows.Count < SegmentDefinition.MaxConditions)
        {
            Form.Rows.Add(new Dictionary<string, List<string>> { [SegmentParser.Kind] = [add!] });
        }
        return await ShowAsync(count: false, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid? id, int remove, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } notFound)
        {
            return notFound;
        }
        if (remove >= 0 && remove < Form.Rows.Count)
        {
            Form.Rows.RemoveAt(remove);
        }
        return await ShowAsync(count: true, ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid? id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (await LoadAsync(id, ct) is { } notFound)
        {
            return notFound;
        }
        var definition = await Form.CheckAsync(db, organization.Id, ct);
        NameError = Form.Name.Length == 0 ? SegmentMessages.NameRequired
            : Form.Name.Length > Segment.NameMax ? SegmentMessages.NameTooLong
            : await db.Segments.InOrganization(organization.Id).AnyAsync(s => s.Name == Form.Name && s.Id != id, ct) ? SegmentMessages.NameTaken
            : null;
        if (definition is null || NameError is not null)
        {
            return await InvalidAsync(ct);
        }
        var now = clock.GetUtcNow();
        var segment = Segment ?? new Segment { OrganizationId = organization.Id, Name = Form.Name, CreatedAt = now };
        if (Segment is null)
        {
            db.Segments.Add(segment);
        }
        segment.Name = Form.Name;
        segment.Definition = SegmentJson.Write(definition);
        segment.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another organizer took the same name between our check and our save.
            NameError = SegmentMessages.NameTaken;
            db.ChangeTracker.Clear();
            Segment = id is null ? null : await FindAsync(id.Value, ct);
            return await InvalidAsync(ct);
        }
        return Redirect($"/admin/segments/{segment.Id}?saved=true");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        var deleted = await db.Segments.InOrganization(organization.Id).Where(s => s.Id == id).ExecuteDeleteAsync(ct);
        return deleted == 0 ? NotFound() : Redirect("/admin/segments?deleted=true");
    }

    private async Task<IActionResult?> LoadAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } segmentId)
        {
            Segment = await FindAsync(segmentId, ct);
            if (Segment is null)
            {
                return NotFound();
            }
        }
        Form = SegmentForm.Read(await Request.ReadFormAsync(ct));
        return null;
    }

    private async Task<IActionResult> ShowAsync(bool count, CancellationToken ct)
    {
        if (count)
        {
            var definition = await Form.CheckAsync(db, organization.Id, ct);
            if (definition is null)
            {
                return await InvalidAsync(ct);
            }
            Count = await SegmentCounts.CountAsync(db, organization.Id, definition, clock.GetUtcNow(), ct);
        }
        Options = await SegmentOptions.LoadAsync(db, organization.Id, ct);
        return Page();
    }

    private async Task<IActionResult> InvalidAsync(CancellationToken ct)
    {
        Options = await SegmentOptions.LoadAsync(db, organization.Id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string ErrorText(SegmentError error) => SegmentMessages.Text(localizer, error);

    private Task<Segment?> FindAsync(Guid id, CancellationToken ct) =>
        db.Segments.InOrganization(organization.Id).SingleOrDefaultAsync(s => s.Id == id, ct);
}
