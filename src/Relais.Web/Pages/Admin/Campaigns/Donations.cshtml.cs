using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Campaigns;
using Relais.Data;
using Relais.Giving;
using Relais.Organizations;
using Relais.Supporters;
using Relais.Web.Giving;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Campaigns;

/// <summary>
/// The donations of a campaign's fundraiser, newest first, filtered and searched; organizers settle
/// offline promises here: received, not received, refunded. Each change goes through the ledger.
/// </summary>
public sealed class DonationsModel(RelaisDb db, CurrentOrganization organization, DonationLedger ledger, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>A donation with its donor; init properties, so that queries can still sort and sum on it.</summary>
    public sealed record Row
    {
        public Guid Id { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public string FirstName { get; init; } = "";
        public string LastName { get; init; } = "";
        public string Email { get; init; } = "";
        public long AmountMinor { get; init; }
        public string Currency { get; init; } = "";
        public DonationStatus Status { get; init; }
        public string Provider { get; init; } = "";
        public string? OfflineMethod { get; init; }
        public bool IsAnonymous { get; init; }
        public string? Message { get; init; }
        public Guid SupporterId { get; init; }

        public string Name => $"{FirstName} {LastName}".Trim();
    }

    public Campaign Campaign { get; private set; } = null!;
    public Fundraiser? Fundraiser { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public long TotalMinor { get; private set; }
    public bool CanEdit => organization.CanEdit;

    [BindProperty(SupportsGet = true)]
    public DonationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Fundraiser is null)
        {
            return Page();
        }
        var query = Filtered(Fundraiser.Id);
        Total = await query.CountAsync(ct);
        TotalMinor = await query.SumAsync(x => (long?)x.AmountMinor, ct) ?? 0;
        PageNumber = Math.Max(1, PageNumber);
        Rows = await query.OrderByDescending(x => x.CreatedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    /// <summary>The fundraiser's donations joined to their donors, as filtered by status and search.</summary>
    public IQueryable<Row> Filtered(Guid fundraiserId)
    {
        var donations = db.Donations.AsNoTracking().InOrganization(organization.Id).Where(d => d.FundraiserId == fundraiserId);
        if (Status is { } status)
        {
            donations = donations.Where(d => d.Status == status);
        }
        var rows = donations.Join(db.Supporters.InOrganization(organization.Id), d => d.SupporterId, s => s.Id, (d, s) => new { d, s });
        if (!string.IsNullOrWhiteSpace(Q) && Q.Trim() is { Length: <= 200 } q)
        {
            var lowered = q.ToLowerInvariant();
            rows = rows.Where(x => x.s.NormalizedEmail.Contains(lowered)
                || x.s.FirstName.ToLower().Contains(lowered) || x.s.LastName.ToLower().Contains(lowered));
        }
        return rows.Select(x => new Row
        {
            Id = x.d.Id,
            CreatedAt = x.d.CreatedAt,
            FirstName = x.s.FirstName,
            LastName = x.s.LastName,
            Email = x.s.Email,
            AmountMinor = x.d.AmountMinor,
            Currency = x.d.Currency,
            Status = x.d.Status,
            Provider = x.d.Provider,
            OfflineMethod = x.d.OfflineMethod,
            IsAnonymous = x.d.IsAnonymous,
            Message = x.d.DonorMessage,
            SupporterId = x.s.Id,
        });
    }

    public Task<IActionResult> OnPostReceivedAsync(Guid id, Guid donation, CancellationToken ct) => MoveAsync(id, donation, DonationStatus.Succeeded, ct);

    public Task<IActionResult> OnPostNotReceivedAsync(Guid id, Guid donation, CancellationToken ct) => MoveAsync(id, donation, DonationStatus.Failed, ct);

    public Task<IActionResult> OnPostRefundAsync(Guid id, Guid donation, CancellationToken ct) => MoveAsync(id, donation, DonationStatus.Refunded, ct);

    private async Task<IActionResult> MoveAsync(Guid id, Guid donationId, DonationStatus to, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct) || Fundraiser is null)
        {
            return NotFound();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var donation = await db.Donations.AsNoTracking().InOrganization(organization.Id)
            .SingleOrDefaultAsync(d => d.Id == donationId && d.FundraiserId == Fundraiser.Id, ct);
        // Only promises are settled by hand; online payments move by their provider's webhook.
        if (donation is null || donation.Provider != OfflinePaymentProvider.ProviderKey)
        {
            return NotFound();
        }
        await ledger.MoveAsync(db, donation, to, clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        return Redirect($"/admin/campaigns/{id}/donations" + (Status is { } s ? $"?status={s}" : ""));
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Fundraiser is null)
        {
            return NotFound();
        }
        var rows = await Filtered(Fundraiser.Id).OrderBy(x => x.CreatedAt).ToListAsync(ct);
        return File(DonationsExport.Csv(rows), "text/csv; charset=utf-8", $"donations-{Campaign.Slug}.csv");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().InOrganization(organization.Id).Include(c => c.Texts).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return false;
        }
        Campaign = campaign;
        Fundraiser = await db.Fundraisers.AsNoTracking().InOrganization(organization.Id).SingleOrDefaultAsync(f => f.CampaignId == id, ct);
        return true;
    }
}
