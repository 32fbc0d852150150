using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Relais.Actions;
using Relais.Petitions;
using Relais.Web.Campaigns;
using Relais.Web.Embeds;
using Relais.Web.Hosting;
using Relais.Web.Localization;
using Relais.Web.Petitions;

namespace Relais.Web.Pages.Embeds;

/// <summary>
/// The petition form in a frame on an allowed site. Protected by an embed token instead of the
/// antiforgery cookie, which browsers do not send to cross-site frames (see <see cref="EmbedTokens"/>);
/// the signature is credited to the embedding site ("embed:" + its origin).
/// </summary>
[IgnoreAntiforgeryToken]
[FormLimit(PetitionForms.MaxBodyBytes)]
[EnableRateLimiting(RateLimits.EmbedSign)]
public sealed class FormModel(
    CampaignPages pages,
    PetitionCounters counters,
    ActionIntake intake,
    EmbedSites sites,
    EmbedTokens tokens,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public CampaignPage Campaign { get; private set; } = null!;
    public CampaignPageText Text { get; private set; } = null!;
    public string Language { get; private set; } = "fr";
    public int Count { get; private set; }

    /// <summary>The embedding site, when the embed script named an allowed one.</summary>
    public string? Origin { get; private set; }

    public string Token { get; private set; } = "";
    public bool CanSign { get; private set; }
    public Relais.Actions.ActionStatus? Outcome { get; private set; }

    public string EmailUpdatesWording => Relais.Consents.EmailUpdatesWording.For(Language, Campaign.OrganizationName);

    [BindProperty]
    public SignatureForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, string? parent, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        if (!await ResolveOriginAsync(parent, ct))
        {
            return Refused(EmbedMessages.SiteNotAllowed);
        }
        Form = Form with { Country = PetitionForms.GuessCountry(Request.Headers.AcceptLanguage) };
        return Ready();
    }

    public async Task<IActionResult> OnPostAsync(string slug, [FromForm] string? parent, [FromForm] string? token, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (!await ResolveOriginAsync(parent, ct))
        {
            return Refused(EmbedMessages.SiteNotAllowed);
        }
        if (!Campaign.Petition!.IsOpen)
        {
            return Refused(PetitionMessages.Closed);
        }
        if (!tokens.IsValid(token, Campaign.Petition.Id, Origin))
        {
            ModelState.AddModelError(string.Empty, localizer[PetitionMessages.Expired]);
            return Ready(StatusCodes.Status400BadRequest);
        }
        foreach (var error in Form.Validate())
        {
            ModelState.AddModelError($"{nameof(Form)}.{error.Field}", localizer[error.MessageKey]);
        }
        if (!ModelState.IsValid)
        {
            return Ready(StatusCodes.Status400BadRequest);
        }
        Outcome = (await intake.SubmitAsync(
            SignatureRequest.Of(
                Campaign.OrganizationId,
                Campaign.Id,
                Campaign.Petition.Id,
                Form,
                Language,
                Campaign.PetitionConsentFor(Language),
                Origin is null ? EmbedSites.Source : EmbedSites.Source + ":" + Origin,
                EmailUpdatesWording,
                null),
            ct)).Status;
        return Page();
    }

    private IActionResult Ready(int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        CanSign = Campaign.Petition!.IsOpen;
        if (!CanSign)
        {
            ModelState.AddModelError(string.Empty, localizer[PetitionMessages.Closed]);
        }
        Token = tokens.Issue(Campaign.Petition.Id, Origin);
        return Page();
    }

    private IActionResult Refused(string messageKey)
    {
        ModelState.AddModelError(string.Empty, localizer[messageKey]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var campaign = await pages.FindPublishedAsync(slug, ct);
        if (campaign?.Petition is null)
        {
            return false;
        }
        Campaign = campaign;
        Language = LocalizationSetup.CurrentLanguage;
        Text = campaign.TextFor(Language);
        Count = counters.Get(campaign.Petition.Id, campaign.Petition.StoredCount);
        return true;
    }

    /// <summary>Sets the frame headers for the organization's sites, then checks the named one.</summary>
    private async Task<bool> ResolveOriginAsync(string? parent, CancellationToken ct)
    {
        var allowed = await sites.AllowedAsync(Campaign.OrganizationId, ct);
        SecurityHeaders.AllowFramingBy(Response, allowed);
        var known = EmbedSites.TryResolve(parent, allowed, out var origin);
        Origin = known ? origin : null;
        return known;
    }
}
