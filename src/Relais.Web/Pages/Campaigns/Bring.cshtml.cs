using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Actions;
using Relais.Data;
using Relais.Drives;
using Relais.Web.Campaigns;
using Relais.Web.Drives;
using Relais.Web.Localization;
using Relais.Web.Relays;

namespace Relais.Web.Pages.Campaigns;

/// <summary>The pledge form of a campaign's drive: an item, a quantity, a drop-off point and a day.</summary>
public sealed class BringModel(
    RelaisDb db, CampaignPages pages, DriveSections sections, ActionIntake intake, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public CampaignPage Campaign { get; private set; } = null!;
    public CampaignPageText Text { get; private set; } = null!;
    public Drive Drive { get; private set; } = null!;
    public string Language { get; private set; } = "fr";
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public string EmailUpdatesWording => Relais.Consents.EmailUpdatesWording.For(Language, Campaign.OrganizationName);

    /// <summary>The consent wording of this drive's pledge form, recorded as shown.</summary>
    public ShownConsent Consent { get; private set; } = null!;

    [BindProperty]
    public PledgeForm Form { get; set; } = new();

    /// <summary>The form's token: the pledge's idempotency key.</summary>
    [BindProperty(Name = "t")]
    public string? Token { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, Guid? need, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        Token = FormTokens.New();
        Form = new PledgeForm
        {
            NeedId = need?.ToString() ?? Drive.Needs.FirstOrDefault()?.Id.ToString(),
            PointId = Drive.Points.FirstOrDefault()?.Id.ToString(),
            Date = Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        // The form's own rules replace the framework's English binding messages.
        ModelState.Clear();
        if (!Drive.IsOpen)
        {
            ModelState.AddModelError(string.Empty, localizer[DriveMessages.Closed]);
        }
        if (!FormTokens.IsValid(Token))
        {
            Token = FormTokens.New();
            ModelState.AddModelError(string.Empty, localizer[DriveMessages.Expired]);
        }
        var problems = PledgeRules.Validate(Form, Drive.Needs, Drive.Points, Today, out var valid);
        foreach (var error in problems)
        {
            ModelState.AddModelError($"{nameof(Form)}.{error.Field}", localizer[error.MessageKey]);
        }
        if (!ModelState.IsValid || valid is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var outcome = await intake.SubmitAsync(
            PledgeRequest.Of(Drive, valid, Form.EmailUpdates, Language, Consent, EmailUpdatesWording, RelayVisits.RelayOf(Request), Token!), ct);
        var pledge = (ItemPledge)outcome.Stored!;
        sections.Forget(Campaign.Id);
        return Redirect($"/c/{Uri.EscapeDataString(Campaign.Slug)}/bring/{pledge.Code}");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var campaign = await pages.FindPublishedAsync(slug, ct);
        if (campaign is null)
        {
            return false;
        }
        var drive = await db.Drives.AsNoTracking().Include(d => d.Needs).Include(d => d.Points)
            .SingleOrDefaultAsync(d => d.CampaignId == campaign.Id && d.OrganizationId == campaign.OrganizationId, ct);
        if (drive is null || drive.Needs.Count == 0 || drive.Points.Count == 0)
        {
            return false;
        }
        drive.Needs.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : string.CompareOrdinal(a.Item, b.Item));
        Campaign = campaign;
        Drive = drive;
        Language = LocalizationSetup.CurrentLanguage;
        Text = campaign.TextFor(Language);
        Consent = await ActionWordings.ForAsync(db, campaign.OrganizationId, drive.Id, ActionForms.Pledge, Language, ct);
        return true;
    }
}
