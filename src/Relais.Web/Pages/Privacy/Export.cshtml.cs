using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relais.Data;
using Relais.Privacy;
using Relais.Web.Privacy;

namespace Relais.Web.Pages.Privacy;

/// <summary>The single-use link to one's own data: opening it shows a button, the click downloads and spends it.</summary>
public sealed class ExportModel(RelaisDb db, TimeProvider clock) : PageModel
{
    public bool Valid { get; private set; }

    public async Task<IActionResult> OnGetAsync(string secret, CancellationToken ct)
    {
        var token = await db.FindTokenAsync(secret, SupporterTokenPurpose.DataExport, ct);
        return Show(token is not null && token.UsedAt is null && token.ExpiresAt > clock.GetUtcNow());
    }

    public async Task<IActionResult> OnPostAsync(string secret, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = await db.FindTokenAsync(secret, SupporterTokenPurpose.DataExport, ct);
        if (token is null || !await db.TryUseTokenAsync(token.Id, now, ct))
        {
            return Show(false);
        }
        var data = await db.ExportAsync(token.OrganizationId, token.SupporterId, now, ct);
        return data is null ? Show(false) : File(PrivacySetup.JsonBytes(data), PrivacySetup.JsonType, PrivacySetup.FileName(data));
    }

    private PageResult Show(bool valid)
    {
        Valid = valid;
        if (!valid)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }
        return Page();
    }
}
