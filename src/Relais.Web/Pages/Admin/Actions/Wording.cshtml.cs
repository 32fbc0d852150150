using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Actions;
using Relais.Data;
using Relais.Organizations;
using Relais.Web.Automations;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Actions;

/// <summary>
/// The consent wording of each public form of one action, in French and English: what the form
/// shows and the consent ledger records. Saving new words raises their version; an empty box goes
/// back to the default (for a petition, the organization's wording of the settings page).
/// </summary>
public sealed class WordingModel(RelaisDb db, CurrentOrganization organization, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : PageModel
{
    public sealed record FormWording(string Form, string Language, string Text, int Version, bool Own);

    [FromRoute]
    public Guid ActionId { get; set; }

    /// <summary>Posted as "{form}.{language}" → text.</summary>
    [BindProperty]
    public Dictionary<string, string?> Texts { get; set; } = [];

    public string Title { get; private set; } = "";
    public ActionType Type { get; private set; }
    public IReadOnlyList<FormWording> Wordings { get; private set; } = [];
    public bool CanEdit => organization.CanEdit;
    public bool Saved { get; private set; }

    /// <summary>The forms each kind of action shows.</summary>
    public static IReadOnlyList<string> FormsOf(ActionType type) => type switch
    {
        ActionType.Fundraiser => [ActionForms.Give, ActionForms.OpenPage],
        ActionType.Drive => [ActionForms.Pledge],
        _ => [ActionForms.Sign],
    };

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        foreach (var (key, text) in Texts)
        {
            if (!Wordings.Any(w => Key(w) == key))
            {
                ModelState.AddModelError(string.Empty, localizer[WordingMessages.UnknownForm]);
            }
            else if (text is { Length: > ActionWording.TextMax })
            {
                ModelState.AddModelError("Texts[" + key + "]", localizer[WordingMessages.TooLong, ActionWording.TextMax]);
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = clock.GetUtcNow();
        foreach (var wording in Wordings)
        {
            if (Texts.TryGetValue(Key(wording), out var text))
            {
                // Unchanged default words stay the default: only new words become the organizer's own.
                var own = !wording.Own && text?.Trim() == wording.Text ? null : text;
                await ActionWordings.SaveAsync(db, organization.Id, ActionId, wording.Form, wording.Language, own, now, ct);
            }
        }
        return Redirect($"/admin/actions/{ActionId}/wording?saved=true");
    }

    public static string Key(FormWording wording) => wording.Form + "." + wording.Language;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var language = Languages.Closest(System.Globalization.CultureInfo.CurrentUICulture.Name);
        var action = (await ActionTitles.OfOrganizationAsync(db, organization.Id, language, ct)).FirstOrDefault(a => a.ActionId == ActionId);
        if (action is null)
        {
            return false;
        }
        Title = action.Title;
        Type = action.Type;
        var own = await db.ActionWordings.AsNoTracking().Where(w => w.OrganizationId == organization.Id && w.ActionId == ActionId).ToListAsync(ct);
        var wordings = new List<FormWording>();
        foreach (var form in FormsOf(Type))
        {
            foreach (var lang in new[] { Languages.French, Languages.English })
            {
                var shown = await ActionWordings.ForAsync(db, organization.Id, ActionId, form, lang, ct);
                wordings.Add(new FormWording(form, lang, shown.Wording, shown.Version, own.Any(w => w.Form == form && w.Language == lang)));
            }
        }
        Wordings = wordings;
        return true;
    }
}

/// <summary>Message keys of the wording page.</summary>
public static class WordingMessages
{
    public const string UnknownForm = "This action has no such form.";
    public const string TooLong = "A wording is {0} characters at most.";
}
