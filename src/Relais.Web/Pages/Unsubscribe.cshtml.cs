using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Messaging;
using Relais.Web.Localization;

namespace Relais.Web.Pages;

/// <summary>
/// The unsubscribe link of an email. GET only explains and shows a button (link scanners follow
/// links); POST acts, including a mail client's RFC 8058 one-click POST, which carries neither
/// cookie nor antiforgery token: the signed link is the proof.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(RecipientLinks links, Unsubscriptions unsubscriptions, RelaisDb db) : PageModel
{
    public bool Valid { get; private set; }
    public bool Done { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        return Valid ? Page() : Gone();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (await LoadAsync(token, ct) is not { } who)
        {
            return Gone();
        }
        Done = await unsubscriptions.UnsubscribeAsync(who.SupporterId, who.MessageId, LocalizationSetup.CurrentLanguage, ct);
        return Page();
    }

    private async Task<(Guid SupporterId, Guid? MessageId)?> LoadAsync(string token, CancellationToken ct)
    {
        if (!links.TryReadUnsubscribe(token, out var supporterId, out var messageId)
            || await unsubscriptions.FindAsync(supporterId, ct) is not { } supporter)
        {
            return null;
        }
        Token = token;
        OrganizationName = await db.Organizations.AsNoTracking().Where(o => o.Id == supporter.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        Valid = true;
        return (supporterId, messageId);
    }

    private PageResult Gone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
