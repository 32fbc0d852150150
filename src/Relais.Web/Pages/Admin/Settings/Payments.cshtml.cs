using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Payments;
using Relais.Web.Localization;
using Relais.Web.Members;
using Relais.Web.Payments;

namespace Relais.Web.Pages.Admin.Settings;

/// <summary>
/// The organization's accounts at Stripe, HelloAsso and PayPal. Secrets are stored encrypted and
/// never sent back: the page says "set" and offers to replace them; an empty field keeps them.
/// </summary>
public sealed class PaymentsModel(
    RelaisDb db, CurrentOrganization organization, PaymentAccounts accounts, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    [BindProperty]
    public ProviderForm Input { get; set; } = new();

    public bool CanEdit => organization.CanEdit;
    public string? Saved { get; private set; }
    public IReadOnlyDictionary<string, PaymentSettings> Current { get; private set; } = new Dictionary<string, PaymentSettings>();

    public sealed class ProviderForm
    {
        public bool Enabled { get; set; }
        public bool Sandbox { get; set; }
        public string? ClientId { get; set; }
        public string? AccountSlug { get; set; }
        public string? WebhookId { get; set; }
        public string? Secret { get; set; }
        public string? WebhookSecret { get; set; }
    }

    public async Task OnGetAsync(string? saved, CancellationToken ct)
    {
        await LoadAsync(ct);
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(string provider, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!PaymentProviders.IsOnline(provider))
        {
            return BadRequest();
        }
        var settings = await db.Set<PaymentSettings>().SingleOrDefaultAsync(s => s.OrganizationId == organization.Id && s.Provider == provider, ct);
        if (settings is null)
        {
            settings = new PaymentSettings { OrganizationId = organization.Id, Provider = provider };
            db.Set<PaymentSettings>().Add(settings);
        }
        var tooLong = new[] { Input.ClientId, Input.AccountSlug, Input.WebhookId }.Any(v => v?.Trim().Length > PaymentSettings.FieldMax)
            || new[] { Input.Secret, Input.WebhookSecret }.Any(v => v?.Trim().Length > 1_000);
        if (tooLong)
        {
            ModelState.AddModelError("", localizer["A field is too long."]);
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        settings.Enabled = Input.Enabled;
        settings.Sandbox = Input.Sandbox && provider != PaymentProviders.Stripe;
        settings.ClientId = provider == PaymentProviders.Stripe ? null : Clean(Input.ClientId);
        settings.AccountSlug = provider == PaymentProviders.HelloAsso ? Clean(Input.AccountSlug) : null;
        settings.WebhookId = provider == PaymentProviders.PayPal ? Clean(Input.WebhookId) : null;
        if (Clean(Input.Secret) is { } secret)
        {
            settings.ProtectedSecret = accounts.Protect(secret);
        }
        if (Clean(Input.WebhookSecret) is { } webhookSecret && provider != PaymentProviders.PayPal)
        {
            settings.ProtectedWebhookSecret = accounts.Protect(webhookSecret);
        }
        if (provider == PaymentProviders.HelloAsso && settings.ProtectedUrlToken is null)
        {
            settings.ProtectedUrlToken = accounts.Protect(HelloAssoSignature.NewUrlToken());
        }
        settings.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        accounts.Forget(organization.Id, provider);
        return RedirectToPage(new { saved = provider });
    }

    /// <summary>The address to paste into the provider's dashboard for its webhooks or notifications.</summary>
    public string WebhookUrl(string provider)
    {
        var url = $"{Request.Scheme}://{Request.Host}{PaymentWebhooks.PathFor(provider, organization.Id)}";
        if (provider == PaymentProviders.HelloAsso && Current.TryGetValue(provider, out var settings)
            && accounts.Unprotect(settings.ProtectedUrlToken) is { } token)
        {
            url += "?token=" + Uri.EscapeDataString(token);
        }
        return url;
    }

    public bool IsSet(string provider, Func<PaymentSettings, string?> secret) =>
        Current.TryGetValue(provider, out var settings) && secret(settings) is not null;

    public PaymentSettings? Of(string provider) => Current.GetValueOrDefault(provider);

    private async Task LoadAsync(CancellationToken ct) =>
        Current = await db.Set<PaymentSettings>().AsNoTracking().Where(s => s.OrganizationId == organization.Id).ToDictionaryAsync(s => s.Provider, ct);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
