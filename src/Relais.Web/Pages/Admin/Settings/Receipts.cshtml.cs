using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Petitions;
using Relais.Receipts;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Settings;

/// <summary>What the organization prints on its French tax receipts (Cerfa 11580).</summary>
public sealed class ReceiptsModel(RelaisDb db, CurrentOrganization organization, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
    : PageModel
{
    [BindProperty]
    public ReceiptSettingsForm Input { get; set; } = new();

    public bool CanEdit => organization.CanEdit;
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        var current = await db.ReceiptSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganizationId == organization.Id, ct);
        Input = ReceiptSettingsForm.From(current);
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        ModelState.Clear();
        foreach (var error in Input.Validate())
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", localizer[error.MessageKey]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var current = await db.ReceiptSettings.SingleOrDefaultAsync(s => s.OrganizationId == organization.Id, ct);
        if (current is null)
        {
            current = new ReceiptSettings { OrganizationId = organization.Id };
            db.ReceiptSettings.Add(current);
        }
        Input.ApplyTo(current, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { saved = true });
    }
}

/// <summary>The settings form's error messages, keys of the French resources.</summary>
public static class ReceiptSettingsMessages
{
    public const string TooLong = "This field is too long.";
    public const string Required = "Required for tax receipts.";
    public const string UnknownBox = "Choose among the listed boxes.";
    public const string NoStatus = "Tick at least one status.";
    public const string NoArticle = "Tick at least one article.";
}

/// <summary>The settings form; with tax receipts on, everything the Cerfa prints is required.</summary>
public sealed record ReceiptSettingsForm
{
    public bool TaxReceiptsEnabled { get; init; }
    public string? LegalName { get; init; }
    public string? StreetAddress { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public string? Purpose { get; init; }
    public List<BeneficiaryStatus> Statuses { get; init; } = [];
    public string? StatusDetail { get; init; }
    public List<TaxArticles> Articles { get; init; } = [];
    public string? SignatoryName { get; init; }
    public string? SignatoryRole { get; init; }

    public static ReceiptSettingsForm From(ReceiptSettings? s) => s is null
        ? new ReceiptSettingsForm { Articles = [TaxArticles.Article200] }
        : new ReceiptSettingsForm
        {
            TaxReceiptsEnabled = s.TaxReceiptsEnabled,
            LegalName = s.LegalName,
            StreetAddress = s.StreetAddress,
            PostalCode = s.PostalCode,
            City = s.City,
            Purpose = s.Purpose,
            Statuses = Enum.GetValues<BeneficiaryStatus>().Where(v => v != BeneficiaryStatus.None && s.Status.HasFlag(v)).ToList(),
            StatusDetail = s.StatusDetail,
            Articles = Enum.GetValues<TaxArticles>().Where(v => v != TaxArticles.None && s.Articles.HasFlag(v)).ToList(),
            SignatoryName = s.SignatoryName,
            SignatoryRole = s.SignatoryRole,
        };

    public IEnumerable<FormError> Validate()
    {
        (string Field, string? Value, int Max)[] texts =
        [
            (nameof(LegalName), LegalName, ReceiptSettings.TextMax),
            (nameof(StreetAddress), StreetAddress, ReceiptSettings.TextMax),
            (nameof(PostalCode), PostalCode, 20),
            (nameof(City), City, 100),
            (nameof(Purpose), Purpose, 1_000),
            (nameof(SignatoryName), SignatoryName, 200),
            (nameof(SignatoryRole), SignatoryRole, 200),
        ];
        foreach (var (field, value, max) in texts)
        {
            if ((value?.Trim().Length ?? 0) > max)
            {
                yield return new FormError(field, ReceiptSettingsMessages.TooLong);
            }
            else if (TaxReceiptsEnabled && string.IsNullOrWhiteSpace(value))
            {
                yield return new FormError(field, ReceiptSettingsMessages.Required);
            }
        }
        if ((StatusDetail?.Trim().Length ?? 0) > ReceiptSettings.TextMax)
        {
            yield return new FormError(nameof(StatusDetail), ReceiptSettingsMessages.TooLong);
        }
        if (Statuses.Any(s => !Enum.IsDefined(s) || s == BeneficiaryStatus.None) || Articles.Any(a => !Enum.IsDefined(a) || a == TaxArticles.None))
        {
            yield return new FormError(nameof(Statuses), ReceiptSettingsMessages.UnknownBox);
        }
        else if (TaxReceiptsEnabled && Statuses.Count == 0)
        {
            yield return new FormError(nameof(Statuses), ReceiptSettingsMessages.NoStatus);
        }
        if (TaxReceiptsEnabled && Articles.Count == 0)
        {
            yield return new FormError(nameof(Articles), ReceiptSettingsMessages.NoArticle);
        }
    }

    public void ApplyTo(ReceiptSettings s, DateTimeOffset now)
    {
        s.TaxReceiptsEnabled = TaxReceiptsEnabled;
        s.LegalName = LegalName?.Trim() ?? "";
        s.StreetAddress = StreetAddress?.Trim() ?? "";
        s.PostalCode = PostalCode?.Trim() ?? "";
        s.City = City?.Trim() ?? "";
        s.Purpose = Purpose?.Trim() ?? "";
        s.Status = Statuses.Aggregate(BeneficiaryStatus.None, (all, one) => all | one);
        s.StatusDetail = string.IsNullOrWhiteSpace(StatusDetail) ? null : StatusDetail.Trim();
        s.Articles = Articles.Aggregate(TaxArticles.None, (all, one) => all | one);
        s.SignatoryName = SignatoryName?.Trim() ?? "";
        s.SignatoryRole = SignatoryRole?.Trim() ?? "";
        s.UpdatedAt = now;
    }
}
