using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Ladder;
using Relais.Petitions;
using Relais.Relays;
using Relais.Web.Campaigns;
using Relais.Web.Ladder;
using Relais.Web.Localization;

namespace Relais.Web.Pages.Campaigns;

public sealed class ThanksModel(
    CampaignPages pages, PetitionCounters counters, NextStepOffers nextSteps, LadderReference references, IDbContextFactory<RelaisDb> dbFactory) : PageModel
{
    /// <summary>The signer, known from the action's short-lived reference cookie; null when it is gone.</summary>
    public sealed record Signer(Guid Id, string FirstName, string LastName, bool ShowOnRelayBoard, string? RelayBoardName)
    {
        public string BoardName => RelayBoardName ?? RelayBoardNames.Default(FirstName, LastName);
    }

    public Signer? Me { get; private set; }

    /// <summary>True right after the board choice was saved.</summary>
    public bool BoardSaved { get; private set; }

    public CampaignPage Campaign { get; private set; } = null!;
    public CampaignPageText Text { get; private set; } = null!;
    public int Count { get; private set; }

    /// <summary>True when the visitor had signed before: nothing new was stored.</summary>
    public bool AlreadySigned { get; private set; }

    /// <summary>An open action one rung up the ladder, or null when there is none to offer.</summary>
    public NextStep? NextStep { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? already, string? board, CancellationToken ct)
    {
        BoardSaved = board == "1";
        var campaign = await pages.FindPublishedAsync(slug, ct);
        if (campaign?.Petition is null)
        {
            return NotFound();
        }
        Campaign = campaign;
        Text = campaign.TextFor(LocalizationSetup.CurrentLanguage);
        Count = counters.Get(campaign.Petition.Id, campaign.Petition.StoredCount);
        AlreadySigned = already == "1";
        NextStep = await nextSteps.ForReferenceAsync(campaign.OrganizationId, campaign.Petition.Id, Request.Cookies[LadderReference.CookieName], LocalizationSetup.CurrentLanguage, ct);
        Me = await SignerAsync(campaign.OrganizationId, ct);
        return Page();
    }

    /// <summary>The opt-in to the public board of top relays, under a chosen name.</summary>
    public async Task<IActionResult> OnPostBoardAsync(string slug, bool showOnBoard, string? boardName, CancellationToken ct)
    {
        var campaign = await pages.FindPublishedAsync(slug, ct);
        if (campaign?.Petition is null)
        {
            return NotFound();
        }
        if (await SignerAsync(campaign.OrganizationId, ct) is not { } me)
        {
            // The reference expired: nothing to change, the page says so by not offering the choice.
            return RedirectToPage("Thanks", new { slug });
        }
        var name = showOnBoard ? RelayBoardNames.Choose(boardName, me.FirstName, me.LastName) : me.RelayBoardName;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Supporters.Where(s => s.Id == me.Id && s.OrganizationId == campaign.OrganizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ShowOnRelayBoard, showOnBoard).SetProperty(x => x.RelayBoardName, name), ct);
        return RedirectToPage("Thanks", new { slug, board = "1" });
    }

    private async Task<Signer?> SignerAsync(Guid organizationId, CancellationToken ct)
    {
        if (!references.TryRead(Request.Cookies[LadderReference.CookieName], out var referenced, out var email) || referenced != organizationId)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Supporters.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId && s.NormalizedEmail == email && s.ErasedAt == null)
            .Select(s => new Signer(s.Id, s.FirstName, s.LastName, s.ShowOnRelayBoard, s.RelayBoardName))
            .SingleOrDefaultAsync(ct);
    }
}
