using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Giving;
using Relais.Petitions;
using Relais.Supporters;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Settings;

/// <summary>Gifts by transfer, cheque or cash: which the organization takes, and what donors read after promising.</summary>
public sealed class OfflinePaymentsModel(RelaisDb db, CurrentOrganization organization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public OfflinePaymentSettings Input { get; set; } = new();

    public bool CanEdit => organization.CanEdit;
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Input = await db.OfflinePaymentSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganizationId == organization.Id, ct) ?? new();
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        ModelState.Clear();
        var errors = new List<FormError>();
        FormRules.Text(errors, nameof(Input.Iban), Input.Iban, 50, required: Input.TransferEnabled);
        FormRules.Text(errors, nameof(Input.Bic), Input.Bic, 20, required: false);
        FormRules.Text(errors, nameof(Input.AccountHolder), Input.AccountHolder, OfflinePaymentSettings.FieldMax, required: Input.TransferEnabled);
        FormRules.Text(errors, nameof(Input.ChequePayableTo), Input.ChequePayableTo, OfflinePaymentSettings.FieldMax, required: Input.ChequeEnabled);
        FormRules.Text(errors, nameof(Input.ChequeAddress), Input.ChequeAddress, OfflinePaymentSettings.TextMax, required: Input.ChequeEnabled);
        FormRules.Text(errors, nameof(Input.Instructions), Input.Instructions, OfflinePaymentSettings.TextMax, required: false);
        foreach (var error in errors)
        {
            ModelState.AddModelError($"Input.{error.Field}", localizer[error.MessageKey]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var row = await db.OfflinePaymentSettings.SingleOrDefaultAsync(s => s.OrganizationId == organization.Id, ct);
        if (row is null)
        {
            row = new OfflinePaymentSettings { OrganizationId = organization.Id };
            db.OfflinePaymentSettings.Add(row);
        }
        row.TransferEnabled = Input.TransferEnabled;
        row.Iban = FormRules.OrNull(Input.Iban)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        row.Bic = FormRules.OrNull(Input.Bic)?.ToUpperInvariant();
        row.AccountHolder = FormRules.OrNull(Input.AccountHolder);
        row.ChequeEnabled = Input.ChequeEnabled;
        row.ChequePayableTo = FormRules.OrNull(Input.ChequePayableTo);
        row.ChequeAddress = FormRules.OrNull(Input.ChequeAddress);
        row.CashEnabled = Input.CashEnabled;
        row.Instructions = FormRules.OrNull(Input.Instructions);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { saved = true });
    }
}
