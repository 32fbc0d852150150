using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Relais.Actions;
using Relais.Petitions;
using Relais.Supporters;
using Relais.Web.Campaigns;
using Relais.Web.Hosting;
using Relais.Web.Ladder;
using Relais.Web.Localization;
using Relais.Web.Petitions;
using Relais.Web.Relays;

namespace Relais.Web.Pages.Campaigns;

/// <summary>
/// A campaign's public page and its petition form. Antiforgery is checked here rather than by the
/// framework's filter, so that an expired token re-shows the form with what the visitor typed.
/// </summary>
[IgnoreAntiforgeryToken]
[FormLimit(PetitionForms.MaxBodyBytes)]
public sealed class ShowModel(
    CampaignPages pages,
    PetitionCounters counters,
    ActionIntake intake,
    IAntiforgery antiforgery,
    LadderReference references,
    RelayVisits relayVisits,
    CampaignPageFragments fragments,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public CampaignPage Campaign { get; private set; } = null!;
    public CampaignPageText Text { get; private set; } = null!;
    public string Language { get; private set; } = "fr";
    public int Count { get; private set; }

    /// <summary>The words beside the optional newsletter box, recorded as shown.</summary>
    public string EmailUpdatesWording => Relais.Consents.EmailUpdatesWording.For(Language, Campaign.OrganizationName);

    [BindProperty]
    public SignatureForm Form { get; set; } = new();

    /// <summary>The relay code the form carries, so the credit survives a lost cookie or a new session.</summary>
    public string? RelayCode { get; private set; }

    /// <summary>
    /// What the page's cached parts are rendered from; null when they must render for this request
    /// alone (a form shown again with what the visitor typed).
    /// </summary>
    public string? FragmentKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        string slug, [FromQuery(Name = RelayVisits.FormField)] string? relay, [FromQuery(Name = "n")] string? network, CancellationToken ct)
    {
        var found = await LoadAsync(slug, ct);
        if (relay is not null)
        {
            // An emailed relay link: counted like /r/{code}/{slug}, then the clean address, so it is not passed on.
            if (!found)
            {
                return Redirect("/");
            }
            await relayVisits.RecordAsync(HttpContext, Campaign, relay, network, ct);
            return Redirect("/c/" + Uri.EscapeDataString(Campaign.Slug));
        }
        if (!found)
        {
            return NotFound();
        }
        RelayCode = RelayVisits.CodeOf(Request);
        Form = Form with { Country = PetitionForms.GuessCountry(Request.Headers.AcceptLanguage) };
        FragmentKey = await fragments.KeyAsync(Campaign, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct) || Campaign.Petition is null)
        {
            return NotFound();
        }
        // The form's own rules below replace the framework's English binding messages.
        ModelState.Clear();
        RelayCode = RelayVisits.CodeOf(Request, Request.Form[RelayVisits.FormField]);
        if (!Campaign.Petition.IsOpen)
        {
            return Invalid(string.Empty, PetitionMessages.Closed);
        }
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return Invalid(string.Empty, PetitionMessages.Expired);
        }
        foreach (var error in Form.Validate())
        {
            ModelState.AddModelError($"{nameof(Form)}.{error.Field}", localizer[error.MessageKey]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var outcome = await intake.SubmitAsync(
            SignatureRequest.Of(
                Campaign.OrganizationId,
                Campaign.Id,
                Campaign.Petition.Id,
                Form,
                Language,
                Campaign.PetitionConsentFor(Language),
                "web",
                EmailUpdatesWording,
                RelayVisits.RelayOf(Request)),
            ct);
        // The thank-you page offers this person's next step; the reference tells it who they are,
        // in a cookie rather than the address so that it stays out of logs and shared links.
        Response.Cookies.Append(
            LadderReference.CookieName,
            references.Protect(Campaign.OrganizationId, EmailAddress.Normalize(Form.Email!)),
            LadderReference.CookieFor($"/c/{slug}/thanks"));
        return RedirectToPage("Thanks", new { slug, already = outcome.Status == ActionStatus.AlreadyDone ? "1" : null });
    }

    private IActionResult Invalid(string field, string messageKey)
    {
        ModelState.AddModelError(field, localizer[messageKey]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var campaign = await pages.FindPublishedAsync(slug, ct);
        if (campaign is null)
        {
            return false;
        }
        Campaign = campaign;
        Language = LocalizationSetup.CurrentLanguage;
        Text = campaign.TextFor(Language);
        Count = campaign.Petition is { } petition ? counters.Get(petition.Id, petition.StoredCount) : 0;
        return true;
    }
}
