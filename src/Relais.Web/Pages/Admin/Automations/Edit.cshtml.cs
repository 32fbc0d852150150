using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Automations;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Automations;

/// <summary>One language's wording as the form holds it.</summary>
public sealed record WordingInput
{
    public string? Subject { get; init; }
    public string? Preheader { get; init; }
    public string? Body { get; init; }
}

/// <summary>The wording of one automatic email, for every action or for one petition, in French and English.</summary>
public sealed class EditModel(
    RelaisDb db, CurrentOrganization organization, AutomaticEmails automatic, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
    : PageModel
{
    [FromRoute]
    public string Kind { get; set; } = "";

    [FromRoute(Name = "actionId")]
    public Guid? RouteActionId { get; set; }

    [FromQuery(Name = "actionId")]
    public Guid? QueryActionId { get; set; }

    [BindProperty]
    public WordingInput Fr { get; set; } = new();

    [BindProperty]
    public WordingInput En { get; set; } = new();

    [BindProperty]
    public bool Enabled { get; set; }

    public Guid? ActionId => RouteActionId ?? QueryActionId;
    public string? ActionTitle { get; private set; }
    public bool Custom { get; private set; }
    public bool CanEdit => organization.CanEdit;
    public bool CanDisable => AutomaticEmailRules.CanDisable(Kind);
    public bool Saved { get; private set; }
    public IReadOnlyList<string> Fields => MergeFields.All.Where(f => AutomaticEmailRules.HasValue(Kind, f)).ToList();

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        if (!await ExistsAsync(ct))
        {
            return NotFound();
        }
        var name = await OrganizationNameAsync(ct);
        var rows = await RowsAsync(ct);
        Custom = rows.Count > 0;
        Fr = await WordingAsync(rows, Languages.French, name, ct);
        En = await WordingAsync(rows, Languages.English, name, ct);
        Enabled = rows.Count == 0
            ? (await automatic.FindAsync(organization.Id, Kind, ActionId, Languages.French, ct))?.Enabled ?? true
            : rows.All(r => r.Enabled);
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await ExistsAsync(ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        foreach (var (prefix, wording) in new[] { (nameof(Fr), Fr), (nameof(En), En) })
        {
            foreach (var error in AutomaticEmailRules.Validate(Kind, wording.Subject, wording.Preheader, wording.Body))
            {
                var part = char.ToUpperInvariant(error.Part[0]) + error.Part[1..];
                ModelState.AddModelError($"{prefix}.{part}", localizer[error.MessageKey, error.Argument]);
            }
        }
        if (!ModelState.IsValid)
        {
            Custom = (await RowsAsync(ct)).Count > 0;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var rows = await db.EmailTemplates.InOrganization(organization.Id)
            .Where(t => t.Kind == Kind && t.ActionId == (ActionId ?? Guid.Empty))
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var (language, wording) in new[] { (Languages.French, Fr), (Languages.English, En) })
        {
            var row = rows.FirstOrDefault(r => r.Language == language);
            if (row is null)
            {
                row = new EmailTemplate { OrganizationId = organization.Id, Kind = Kind, ActionId = ActionId ?? Guid.Empty, Language = language };
                db.EmailTemplates.Add(row);
            }
            row.Subject = wording.Subject!.Trim();
            row.Preheader = wording.Preheader?.Trim() ?? "";
            row.Body = wording.Body!.Replace("\r\n", "\n").Trim();
            row.Enabled = Enabled || !CanDisable;
            row.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return Redirect(Path() + "?saved=true");
    }

    /// <summary>Back to the default wording (for one petition: back to the organization's).</summary>
    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await ExistsAsync(ct))
        {
            return NotFound();
        }
        await db.EmailTemplates.InOrganization(organization.Id)
            .Where(t => t.Kind == Kind && t.ActionId == (ActionId ?? Guid.Empty))
            .ExecuteDeleteAsync(ct);
        return Redirect(Path() + "?saved=true");
    }

    public string Path() => "/admin/automations/" + Kind + (ActionId is { } id ? "/" + id : "");

    private async Task<bool> ExistsAsync(CancellationToken ct)
    {
        if (!AutomaticEmailRules.IsKind(Kind))
        {
            return false;
        }
        if (ActionId is not { } id)
        {
            return true;
        }
        var language = Languages.Closest(System.Globalization.CultureInfo.CurrentUICulture.Name);
        var action = (await ActionTitles.OfOrganizationAsync(db, organization.Id, language, ct))
            .FirstOrDefault(a => a.ActionId == id && (AutomationNames.ActionTypeOf(Kind) is not { } type || a.Type == type));
        if (action is null)
        {
            return false;
        }
        ActionTitle = action.Title;
        return true;
    }

    private Task<List<EmailTemplate>> RowsAsync(CancellationToken ct) =>
        db.EmailTemplates.AsNoTracking().InOrganization(organization.Id)
            .Where(t => t.Kind == Kind && t.ActionId == (ActionId ?? Guid.Empty))
            .ToListAsync(ct);

    private Task<string> OrganizationNameAsync(CancellationToken ct) =>
        db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.Name).SingleAsync(ct);

    /// <summary>The row's words; without one, what is sent today (the organization's wording for a petition, else the default).</summary>
    private async Task<WordingInput> WordingAsync(List<EmailTemplate> rows, string language, string organizationName, CancellationToken ct)
    {
        if (rows.FirstOrDefault(r => r.Language == language) is { } row)
        {
            return new WordingInput { Subject = row.Subject, Preheader = row.Preheader, Body = row.Body };
        }
        var inEffect = (ActionId is null ? null : await automatic.FindAsync(organization.Id, Kind, null, language, ct))
            ?? automatic.Default(Kind, language, organizationName);
        return new WordingInput { Subject = inEffect.Subject, Preheader = inEffect.Preheader, Body = inEffect.Body };
    }
}
