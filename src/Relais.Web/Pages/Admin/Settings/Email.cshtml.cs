using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Messaging;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Settings;

/// <summary>Who the organization's emails come from, how often people may receive bulk email, and DKIM signing.</summary>
public sealed class EmailModel(
    RelaisDb db, CurrentOrganization organization, IStringLocalizer<SharedResource> localizer, IOptions<SmtpOptions> smtp, TimeProvider clock)
    : PageModel
{
    [BindProperty]
    public EmailSettingsForm Input { get; set; } = new();

    public bool CanEdit => organization.CanEdit;
    public bool Saved { get; private set; }
    public bool Generated { get; private set; }

    /// <summary>The stored key, described without its secret half.</summary>
    public string? KeyDescription { get; private set; }

    public string? DnsName { get; private set; }
    public string? DnsValue { get; private set; }
    public string ServerSender => $"{smtp.Value.FromName} <{smtp.Value.FromAddress}>";

    public async Task OnGetAsync(bool saved, bool generated, CancellationToken ct)
    {
        var current = await db.EmailSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganizationId == organization.Id, ct);
        Input = EmailSettingsForm.From(current);
        Describe(current);
        Saved = saved;
        Generated = generated;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(Input, generated: false, ct);

    /// <summary>Makes a fresh 2048-bit key for the domain and selector typed in, and saves it with the rest of the form.</summary>
    public Task<IActionResult> OnPostGenerateAsync(CancellationToken ct) =>
        SaveAsync(Input with { DkimPrivateKeyPem = DkimKeys.Generate(), RemoveDkim = false }, generated: true, ct);

    private async Task<IActionResult> SaveAsync(EmailSettingsForm form, bool generated, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        var current = await db.EmailSettings.SingleOrDefaultAsync(s => s.OrganizationId == organization.Id, ct);
        ModelState.Clear();
        foreach (var error in form.Validate(hasStoredKey: current?.DkimPrivateKeyPem is not null))
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", localizer[error.MessageKey]);
        }
        if (!ModelState.IsValid)
        {
            // The pasted key is never sent back: the organizer pastes it again.
            Input = form with { DkimPrivateKeyPem = null };
            Describe(current);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (current is null)
        {
            current = new EmailSettings { OrganizationId = organization.Id };
            db.EmailSettings.Add(current);
        }
        form.ApplyTo(current, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { saved = true, generated = generated ? true : (bool?)null });
    }

    private void Describe(EmailSettings? settings)
    {
        if (settings?.DkimPrivateKeyPem is not { } pem || !DkimKeys.IsValidPrivateKey(pem))
        {
            return;
        }
        KeyDescription = DkimKeys.Describe(pem);
        if (settings.DkimDomain is { } domain && settings.DkimSelector is { } selector)
        {
            DnsName = DkimKeys.RecordName(domain, selector);
            DnsValue = DkimKeys.RecordValue(pem);
        }
    }
}
