using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Actions;
using Relais.Data;
using Relais.Giving;
using Relais.Supporters;
using Relais.Web.Campaigns;
using Relais.Web.Giving;
using Relais.Web.Hosting;
using Relais.Web.Localization;
using Relais.Web.Petitions;
using Relais.Web.Relays;

namespace Relais.Web.Pages.Campaigns;

/// <summary>
/// The donate form of a campaign's fundraiser. Its hidden token, made when the form is shown, is
/// the donation's idempotency key: the same form posted twice continues the one donation it made.
/// </summary>
[IgnoreAntiforgeryToken]
[FormLimit(PetitionForms.MaxBodyBytes)]
public sealed class GiveModel(
    CampaignPages pages,
    FundraiserSections sections,
    IEnumerable<IPaymentProvider> providers,
    ActionIntake intake,
    RelaisDb db,
    IAntiforgery antiforgery,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record MethodChoice(string Value, string Label);

    public CampaignPage Campaign { get; private set; } = null!;
    public FundraiserSnapshot Fundraiser { get; private set; } = null!;
    public string Language { get; private set; } = "fr";
    public IReadOnlyList<MethodChoice> Methods { get; private set; } = [];

    [BindProperty]
    public DonationForm Form { get; set; } = new();

    /// <summary>The form's token: the donation's idempotency key.</summary>
    [BindProperty(Name = "t")]
    public string? Token { get; set; }

    /// <summary>
    /// The personal fundraising page the gift goes through (its slug), if any: <c>?page=</c> on the
    /// way in, the hidden field "page" on the way back. Read by hand, since model binding gives
    /// "page" the Razor page's own route value ("/Campaigns/Give").
    /// </summary>
    public string? PageSlug { get; private set; }

    /// <summary>The consent wording of this fundraiser's donate form, recorded as shown.</summary>
    public ShownConsent Consent { get; private set; } = null!;

    public string EmailUpdatesWording => Relais.Consents.EmailUpdatesWording.For(Language, Campaign.OrganizationName);

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] string? amount, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        Token = FormTokens.New();
        PageSlug = FormRules.OrNull(Request.Query[PageField]);
        var preselected = long.TryParse(amount, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var a) && a > 0 ? a : (long?)null;
        if (preselected is { } chosen && !Fundraiser.SuggestedAmounts.Contains(chosen) && Fundraiser.AllowCustomAmount)
        {
            Form = Form with { OtherAmount = SuggestedAmounts.Major(chosen, Fundraiser.Currency, System.Globalization.CultureInfo.CurrentCulture) };
        }
        else
        {
            Form = Form with { Amount = (preselected ?? Fundraiser.SuggestedAmounts.FirstOrDefault()).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
        Form = Form with { Country = PetitionForms.GuessCountry(Request.Headers.AcceptLanguage), Method = Methods.FirstOrDefault()?.Value };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (!Fundraiser.IsOpen)
        {
            return Invalid(string.Empty, GivingMessages.Closed);
        }
        PageSlug = FormRules.OrNull(Request.Form[PageField]);
        if (!await antiforgery.IsRequestValidAsync(HttpContext) || !FormTokens.IsValid(Token))
        {
            Token = FormTokens.New();
            return Invalid(string.Empty, GivingMessages.Expired);
        }
        if (Form.Currency != Fundraiser.Currency)
        {
            return Invalid(string.Empty, GivingMessages.CurrencyMismatch);
        }
        var fundraiser = new Fundraiser
        {
            Currency = Fundraiser.Currency,
            AllowCustomAmount = Fundraiser.AllowCustomAmount,
            SuggestedAmounts = SuggestedAmounts.ToStored(Fundraiser.SuggestedAmounts),
        };
        var (amount, amountError) = Form.ReadAmount(fundraiser);
        if (amountError != AmountError.None)
        {
            ModelState.AddModelError("Form.Amount", localizer[GivingMessages.ForAmount(amountError)]);
        }
        foreach (var error in Form.Validate(Fundraiser.AllowDonorMessages))
        {
            ModelState.AddModelError($"Form.{error.Field}", localizer[error.MessageKey]);
        }
        var method = Methods.FirstOrDefault(m => m.Value == Form.Method);
        if (method is null && !string.IsNullOrWhiteSpace(Form.Method))
        {
            ModelState.AddModelError("Form.Method", localizer[GivingMessages.MethodRequired]);
        }
        var (pageId, teamId) = await FindPageAsync(ct);
        if (!ModelState.IsValid || method is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var providerKey = method.Value.Split(':')[0];
        var offlineMethod = method.Value.Contains(':') ? method.Value.Split(':')[1] : null;
        var provider = providers.First(p => p.Key == providerKey);
        var target = new GiftTarget(Fundraiser.Id, Fundraiser.Currency, Fundraiser.AllowDonorMessages, pageId, teamId);
        var outcome = await intake.SubmitAsync(
            DonationRequest.Of(Fundraiser.OrganizationId, Fundraiser.CampaignId, target, Form, amount, providerKey, offlineMethod, Token!,
                Language, Consent, EmailUpdatesWording, RelayVisits.RelayOf(Request)),
            ct);
        var donation = (Donation)outcome.Stored!;
        if (donation.Status != DonationStatus.Pending)
        {
            return SeeOther(GivingUrls.DonePath(Campaign.Slug, donation));
        }
        var origin = GivingUrls.OriginOf(Request);
        PaymentStart start;
        try
        {
            start = await provider.StartAsync(
            new PaymentRequest(
                donation,
                $"{Campaign.OrganizationName} · {Campaign.TextFor(Language).Title}",
                Form.Email!.Trim(),
                Form.FirstName?.Trim(),
                Form.LastName?.Trim(),
                GivingUrls.Done(origin, Campaign.Slug, donation),
                GivingUrls.Cancel(origin, Campaign.Slug),
                Language),
            ct);
        }
        catch (Exception e) when (e is Payments.PaymentProviderException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // The donation stays pending and the same form token leads back to it: trying again
            // (or choosing another way to pay) never makes a second donation.
            ModelState.AddModelError("Form.Method", localizer[GivingMessages.ProviderUnavailable]);
            Response.StatusCode = StatusCodes.Status502BadGateway;
            return Page();
        }
        if (start.ProviderReference is { } reference && reference != donation.ProviderReference)
        {
            await db.Donations.Where(d => d.Id == donation.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ProviderReference, reference), ct);
        }
        return SeeOther(start.RedirectTo.ToString());
    }

    private const string PageField = "page";

    private StatusCodeResult SeeOther(string location)
    {
        Response.Headers.Location = location;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>The personal page named by ?page=, only if it is an approved page of this fundraiser.</summary>
    private async Task<(Guid? PageId, Guid? TeamId)> FindPageAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(PageSlug) || PageSlug.Length > 80)
        {
            return (null, null);
        }
        var page = await db.FundraisingPages.AsNoTracking()
            .Where(p => p.Slug == PageSlug && p.FundraiserId == Fundraiser.Id && p.OrganizationId == Fundraiser.OrganizationId
                && p.Status == FundraisingPageStatus.Approved)
            .Select(p => new { p.Id, p.TeamId })
            .SingleOrDefaultAsync(ct);
        return page is null ? (null, null) : (page.Id, page.TeamId);
    }

    private PageResult Invalid(string field, string messageKey)
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
        var fundraiser = await sections.FindAsync(campaign.Id, ct);
        if (fundraiser is null)
        {
            return false;
        }
        Campaign = campaign;
        Fundraiser = fundraiser;
        Language = LocalizationSetup.CurrentLanguage;
        Methods = await MethodsAsync(campaign.OrganizationId, ct);
        Consent = await ActionWordings.ForAsync(db, campaign.OrganizationId, fundraiser.Id, ActionForms.Give, Language, ct);
        return true;
    }

    private async Task<IReadOnlyList<MethodChoice>> MethodsAsync(Guid organizationId, CancellationToken ct)
    {
        var choices = new List<MethodChoice>();
        foreach (var provider in providers)
        {
            if (provider.Key == OfflinePaymentProvider.ProviderKey)
            {
                var settings = await db.OfflinePaymentSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganizationId == organizationId, ct);
                foreach (var method in settings?.EnabledMethods ?? [])
                {
                    choices.Add(new($"{provider.Key}:{method}", localizer[OfflineLabels.Of(method)]));
                }
            }
            else if (await provider.IsEnabledAsync(organizationId, ct))
            {
                choices.Add(new(provider.Key, provider.DisplayName));
            }
        }
        return choices;
    }
}
