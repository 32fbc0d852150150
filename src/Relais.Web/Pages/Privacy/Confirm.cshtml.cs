using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relais.Consents;
using Relais.Data;
using Relais.Privacy;

namespace Relais.Web.Pages.Privacy;

/// <summary>
/// The double opt-in link. Opening it only shows a button: mail scanners that follow links must not
/// subscribe anyone; the person's own click (a POST) confirms.
/// </summary>
public sealed class ConfirmModel(RelaisDb db, TimeProvider clock) : PageModel
{
    public ConfirmationOutcome? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(string secret, CancellationToken ct)
    {
        var token = await db.FindTokenAsync(secret, SupporterTokenPurpose.ConfirmEmail, ct);
        if (token is null)
        {
            return Show(ConfirmationOutcome.Unknown);
        }
        if (token.UsedAt is not null)
        {
            return Show(ConfirmationOutcome.AlreadyConfirmed);
        }
        return token.ExpiresAt <= clock.GetUtcNow() ? Show(ConfirmationOutcome.Expired) : Page();
    }

    public async Task<IActionResult> OnPostAsync(string secret, CancellationToken ct) =>
        Show(await db.ConfirmAsync(secret, clock.GetUtcNow(), ct));

    private PageResult Show(ConfirmationOutcome outcome)
    {
        Outcome = outcome;
        Response.StatusCode = outcome switch
        {
            ConfirmationOutcome.Expired => StatusCodes.Status410Gone,
            ConfirmationOutcome.Unknown => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }
}
