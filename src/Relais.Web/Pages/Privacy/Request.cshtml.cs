using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Outbox;
using Relais.Supporters;
using Relais.Web.Hosting;
using Relais.Web.Localization;
using Relais.Web.Privacy;

namespace Relais.Web.Pages.Privacy;

/// <summary>
/// Where anyone asks for their data or their preferences link. The answer never says whether the
/// address is known: the link goes to the address, so only its owner learns anything.
/// </summary>
[EnableRateLimiting(RateLimits.PrivacyRequest)]
public sealed class RequestModel(RelaisDb db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string Export = "export";
    public const string Preferences = "preferences";

    public string OrganizationName { get; private set; } = "";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Want { get; set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string orgSlug, CancellationToken ct) =>
        await LoadAsync(orgSlug, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string orgSlug, CancellationToken ct)
    {
        var organizationId = await LoadAsync(orgSlug, ct);
        if (organizationId is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        if (!EmailAddress.IsValid(Email))
        {
            ModelState.AddModelError(nameof(Email), localizer["This email address does not look valid."]);
        }
        if (Want is not (Export or Preferences))
        {
            ModelState.AddModelError(nameof(Want), localizer["Please choose what you want to receive."]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var normalized = EmailAddress.Normalize(Email!);
        var supporter = await db.Supporters.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId && s.NormalizedEmail == normalized && s.ErasedAt == null)
            .Select(s => new { s.Id })
            .SingleOrDefaultAsync(ct);
        if (supporter is not null)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                OrganizationId = organizationId,
                Kind = Want == Export ? OutboxKinds.DataExportLink : OutboxKinds.PreferencesLink,
                Payload = JsonSerializer.Serialize(new SupporterMessage(supporter.Id, LocalizationSetup.CurrentLanguage)),
                CreatedAt = clock.GetUtcNow(),
                NextAttemptAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
        }
        Sent = true;
        return Page();
    }

    private async Task<Guid?> LoadAsync(string orgSlug, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Slug == orgSlug).Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(ct);
        OrganizationName = organization?.Name ?? "";
        return organization?.Id;
    }
}
