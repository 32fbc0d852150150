using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Ladder;
using Relais.Petitions;
using Relais.Relays;
using Relais.Sharing;
using Relais.Web.Campaigns;
using Relais.Web.Hosting;
using Relais.Web.Ladder;
using Relais.Web.Localization;
using Relais.Web.Sharing;

namespace Relais.Web.Pages.Campaigns;

[FormLimit(ShareForm.MaxBodyBytes)]
public sealed class ThanksModel(
    CampaignPages pages,
    PetitionCounters counters,
    NextStepOffers nextSteps,
    ShareKits kits,
    LadderReference references,
    IDbContextFactory<RelaisDb> dbFactory,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The signer, known from the action's short-lived reference cookie; null when it is gone.</summary>
    public sealed record Signer(Guid Id, string FirstName, string LastName, int LadderRank, bool ShowOnRelayBoard, string? RelayBoardName)
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

    /// <summary>The signer, when the reference cookie names them: their shares carry their relay code.</summary>
    public Guid? SupporterId => Me?.Id;

    public IReadOnlyList<ShareKitNetwork> Kit { get; private set; } = [];

    /// <summary>The link to pass on: the supporter's relay link, or the campaign's when we do not know them.</summary>
    public string PersonalLink => kits.Link(Campaign.Slug, SupporterId, null);

    /// <summary>The share that was refused, re-shown with what the supporter typed.</summary>
    public ShareForm? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? already, string? board, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        AlreadySigned = already == "1";
        BoardSaved = board == "1";
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

    /// <summary>Without JavaScript: records the share and sends the browser to the network's share window.</summary>
    public async Task<IActionResult> OnPostShareAsync(string slug, [FromForm] ShareForm form, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        if (!Validate(form, out var network))
        {
            Refused = form;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await RecordAsync(network, ct);
        Response.Headers.Location = ShareUrl(form, network);
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>With JavaScript: the page opens the network itself and only asks for the record.</summary>
    public async Task<IActionResult> OnPostRecordAsync(string slug, [FromForm] ShareForm form, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        if (!Validate(form, out var network))
        {
            return BadRequest(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }
        await RecordAsync(network, ct);
        return new NoContentResult();
    }

    public string ShareUrl(ShareForm form, string network) =>
        ShareUrls.For(network, form.Text ?? "", kits.Link(Campaign.Slug, SupporterId, network), Text.Title, form.Instance) ?? "";

    private bool Validate(ShareForm form, out string network)
    {
        ModelState.Clear();
        network = form.Network ?? "";
        foreach (var error in form.Validate())
        {
            ModelState.AddModelError(error.Field, localizer[error.MessageKey, error.Arguments]);
        }
        return ModelState.IsValid;
    }

    private async Task RecordAsync(string network, CancellationToken ct)
    {
        // A visitor we cannot name still shares, with the plain link; only a named supporter is counted.
        if (SupporterId is { } supporter)
        {
            await kits.RecordAsync(Campaign, Campaign.Petition!.Id, supporter, network, ct);
        }
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var campaign = await pages.FindPublishedAsync(slug, ct);
        if (campaign?.Petition is null)
        {
            return false;
        }
        Campaign = campaign;
        Text = campaign.TextFor(LocalizationSetup.CurrentLanguage);
        Count = counters.Get(campaign.Petition.Id, campaign.Petition.StoredCount);
        // One lookup of the signer serves the next step, the share links and the board choice.
        Me = await SignerAsync(campaign.OrganizationId, ct);
        NextStep = await nextSteps.ForRankAsync(campaign.OrganizationId, campaign.Petition.Id, Me?.LadderRank ?? 0, Me?.Id, LocalizationSetup.CurrentLanguage, ct);
        Kit = await kits.ForActionAsync(campaign, campaign.Petition.Id, LocalizationSetup.CurrentLanguage, SupporterId, ct);
        ShareRedirects.Allow(Response);
        return true;
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
            .Select(s => new Signer(s.Id, s.FirstName, s.LastName, s.LadderRank, s.ShowOnRelayBoard, s.RelayBoardName))
            .SingleOrDefaultAsync(ct);
    }
}
