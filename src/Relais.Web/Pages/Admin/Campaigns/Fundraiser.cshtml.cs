using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Campaigns;
using Relais.Data;
using Relais.Giving;
using Relais.Ladder;
using Relais.Organizations;
using Relais.Web.Giving;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Campaigns;

/// <summary>A campaign's fundraiser: goal, currency, suggested amounts and what donors may do. Organizers edit, members read.</summary>
public sealed class FundraiserModel(
    RelaisDb db, CurrentOrganization organization, FundraiserSections sections, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record FundraiserInput
    {
        public string? Goal { get; init; }
        public string? Currency { get; init; }
        public string? SuggestedAmounts { get; init; }
        public bool AllowCustomAmount { get; init; }
        public bool AllowDonorMessages { get; init; }
        public bool ShowDonorWall { get; init; }
        public bool AllowPersonalPages { get; init; }
        public bool RequirePageApproval { get; init; }
        public bool IsOpen { get; init; }
        public int LadderRank { get; init; }
    }

    [BindProperty]
    public FundraiserInput Input { get; set; } = new();

    public Campaign Campaign { get; private set; } = null!;
    public Fundraiser? Existing { get; private set; }
    public IReadOnlyList<LadderLevel> LadderLevels { get; private set; } = [];
    public bool CanEdit => organization.CanEdit;
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var f = Existing ?? new Fundraiser();
        var culture = CultureInfo.CurrentCulture;
        Input = new FundraiserInput
        {
            Goal = Relais.Giving.SuggestedAmounts.Major(f.GoalMinor, f.Currency, culture),
            Currency = f.Currency,
            SuggestedAmounts = Relais.Giving.SuggestedAmounts.Format(f.SuggestedAmountList, f.Currency, culture),
            AllowCustomAmount = f.AllowCustomAmount,
            AllowDonorMessages = f.AllowDonorMessages,
            ShowDonorWall = f.ShowDonorWall,
            AllowPersonalPages = f.AllowPersonalPages,
            RequirePageApproval = f.RequirePageApproval,
            IsOpen = f.IsOpen,
            LadderRank = f.LadderRank,
        };
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var currency = Input.Currency?.Trim().ToUpperInvariant();
        if (!Currencies.IsKnown(currency))
        {
            ModelState.AddModelError("Input.Currency", localizer["Choose a currency from the list."]);
            currency = Currencies.Default;
        }
        else if (Existing is { DonationCount: > 0 } && Existing.Currency != currency)
        {
            ModelState.AddModelError("Input.Currency", localizer["The currency cannot change once donations were received."]);
        }
        if (!MoneyParser.TryParse(Input.Goal, currency!, out var goal, out var goalError, long.MaxValue / 4))
        {
            ModelState.AddModelError("Input.Goal", localizer[GivingMessages.ForAmount(goalError)]);
        }
        if (!Relais.Giving.SuggestedAmounts.TryParse(Input.SuggestedAmounts, currency!, out var amounts, out var amountsError))
        {
            ModelState.AddModelError("Input.SuggestedAmounts",
                localizer["Suggested amounts: {0} Separate them with a comma and a space, such as 10, 25, 50.", localizer[GivingMessages.ForAmount(amountsError)]]);
        }
        if (!LadderLevels.Any(l => l.Rank == Input.LadderRank))
        {
            ModelState.AddModelError("Input.LadderRank", localizer["Choose one of your organization's ladder levels."]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var fundraiser = Existing ?? new Fundraiser { OrganizationId = organization.Id, CampaignId = Campaign.Id };
        if (Existing is null)
        {
            db.Fundraisers.Add(fundraiser);
        }
        fundraiser.GoalMinor = goal;
        fundraiser.Currency = currency!;
        fundraiser.SuggestedAmounts = Relais.Giving.SuggestedAmounts.ToStored(amounts);
        fundraiser.AllowCustomAmount = Input.AllowCustomAmount;
        fundraiser.AllowDonorMessages = Input.AllowDonorMessages;
        fundraiser.ShowDonorWall = Input.ShowDonorWall;
        fundraiser.AllowPersonalPages = Input.AllowPersonalPages;
        fundraiser.RequirePageApproval = Input.RequirePageApproval;
        fundraiser.IsOpen = Input.IsOpen;
        fundraiser.LadderRank = Input.LadderRank;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another organizer created this campaign's fundraiser meanwhile: theirs stays.
            ModelState.AddModelError(string.Empty, localizer["Someone else saved this fundraiser meanwhile. Reload the page."]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        sections.Forget(Campaign.Id);
        return Redirect($"/admin/campaigns/{Campaign.Id}/fundraiser?saved=true");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.InOrganization(organization.Id).Include(c => c.Texts).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return false;
        }
        Campaign = campaign;
        Existing = await db.Fundraisers.InOrganization(organization.Id).SingleOrDefaultAsync(f => f.CampaignId == id, ct);
        LadderLevels = await db.EnsureAsync(organization.Id, ct);
        return true;
    }
}
