using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Receipts;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Receipts;

/// <summary>The yearly tax receipts: generate a year's in bulk, list them, download each PDF or all as a ZIP.</summary>
public sealed class IndexModel(RelaisDb db, CurrentOrganization organization, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
    : PageModel
{
    public const int FirstYear = 2000;

    public sealed record Row(Guid Id, int Year, int Number, string DonorName, string City, long AmountMinor, int DonationCount)
    {
        public string Reference => ReceiptNumbers.Format(Year, Number);
    }

    public bool CanEdit => organization.CanEdit;
    public int Year { get; private set; }
    public int LatestYear => clock.GetUtcNow().Year;
    public bool SettingsReady { get; private set; }
    public IReadOnlyList<Row> Receipts { get; private set; } = [];
    public TaxReceiptRunResult? Result { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        Year = year ?? LatestYear - 1;
        if (Year < FirstYear || Year > LatestYear)
        {
            Error = localizer["Choose a year between {0} and {1}.", FirstYear, LatestYear];
            Year = LatestYear - 1;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        Year = year;
        await LoadAsync(ct);
        if (year < FirstYear || year > LatestYear)
        {
            Error = localizer["Choose a year between {0} and {1}.", FirstYear, LatestYear];
            Year = LatestYear - 1;
        }
        else if (!SettingsReady)
        {
            Error = localizer["Turn tax receipts on and fill in every field of the tax receipt settings first."];
        }
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Result = await TaxReceiptRun.GenerateAsync(db, organization.Id, year, clock.GetUtcNow(), ct);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var settings = await db.ReceiptSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganizationId == organization.Id, ct);
        SettingsReady = settings is { TaxReceiptsEnabled: true, IsComplete: true };
        var year = Year;
        Receipts = await db.TaxReceipts.AsNoTracking()
            .Where(r => r.OrganizationId == organization.Id && r.Year == year)
            .OrderBy(r => r.Number)
            .Select(r => new Row(r.Id, r.Year, r.Number, r.DonorName, r.DonorCity, r.AmountMinor, r.DonationCount))
            .ToListAsync(ct);
    }
}
