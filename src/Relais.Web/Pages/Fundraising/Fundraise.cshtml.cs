using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Actions;
using Relais.Data;
using Relais.Giving;
using Relais.Organizations;
using Relais.Supporters;
using Relais.Web.Campaigns;
using Relais.Web.Localization;
using Relais.Web.Relays;

namespace Relais.Web.Pages.Fundraising;

/// <summary>
/// A supporter opens a personal fundraising page under the campaign's fundraiser, alone, with a new
/// team or in an existing one. Bad input re-shows the form and writes nothing.
/// </summary>
public sealed class FundraiseModel(RelaisDb db, CampaignPages pages, ActionIntake intake, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The consent wording of this fundraiser's page form, recorded as shown.</summary>
    public ShownConsent Consent { get; private set; } = null!;

    /// <summary>The words beside the optional newsletter box, recorded as shown.</summary>
    public string EmailUpdatesWording => Relais.Consents.EmailUpdatesWording.For(LocalizationSetup.CurrentLanguage, Campaign.OrganizationName);

    [BindProperty]
    public PersonalPageForm Form { get; set; } = new() { TeamChoice = "none" };

    public CampaignPage Campaign { get; private set; } = null!;
    public Fundraiser Fundraiser { get; private set; } = null!;
    public IReadOnlyList<FundraisingTeam> Teams { get; private set; } = [];

    /// <summary>Set after a page was opened that waits for approval.</summary>
    public bool AwaitingApproval { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var errors = Form.Validate(Fundraiser.Currency, out var goal, out var teamGoal);
        foreach (var error in errors)
        {
            ModelState.AddModelError($"{nameof(Form)}.{error.Field}", localizer[error.MessageKey]);
        }
        FundraisingTeam? joined = null;
        if (ModelState.IsValid && Form.TeamChoice == "join")
        {
            joined = Teams.FirstOrDefault(t => t.Id == Form.JoinTeamId);
            if (joined is null)
            {
                ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.JoinTeamId)}", localizer[PersonalPageMessages.UnknownTeam]);
            }
        }
        var teamName = Form.NewTeamName?.Trim();
        if (ModelState.IsValid && Form.TeamChoice == "new" && Teams.Any(t => string.Equals(t.Name, teamName, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.NewTeamName)}", localizer[PersonalPageMessages.TeamNameTaken]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var language = LocalizationSetup.CurrentLanguage;
        var request = new PageRequest(
            Campaign.OrganizationId,
            Campaign.Id,
            Fundraiser.Id,
            new ActionPerson(Form.Email!, Form.FirstName!, Form.LastName ?? "", null, null, language),
            Consent,
            Form.EmailUpdates ? EmailUpdatesWording : null,
            RelayVisits.RelayOf(Request),
            "web",
            Form.Title!.Trim(),
            Form.Story?.Trim() ?? "",
            goal,
            Form.TeamChoice switch
            {
                "new" => new PageTeam("new", teamName, teamGoal),
                "join" => new PageTeam("join", JoinId: joined!.Id),
                _ => PageTeam.None,
            },
            Fundraiser.RequirePageApproval);
        ActionOutcome outcome;
        try
        {
            outcome = await intake.SubmitAsync(request, ct);
        }
        catch (DbUpdateException)
        {
            // Someone took the same address, team name or page a moment ago: nothing was written.
            ModelState.AddModelError(nameof(Form), localizer[PersonalPageMessages.Conflict]);
            return Invalid();
        }
        if (outcome.Status == ActionStatus.Refused)
        {
            var field = outcome.Reason switch
            {
                PersonalPageMessages.AlreadyHasPage => nameof(Form.Email),
                PersonalPageMessages.TeamNameTaken => nameof(Form.NewTeamName),
                _ => nameof(Form.JoinTeamId),
            };
            ModelState.AddModelError($"{nameof(Form)}.{field}", localizer[outcome.Reason!]);
            return Invalid();
        }
        var page = (FundraisingPage)outcome.Stored!;
        if (page.Status == FundraisingPageStatus.AwaitingApproval)
        {
            AwaitingApproval = true;
            return Page();
        }
        return Redirect("/p/" + Uri.EscapeDataString(page.Slug));
    }

    private IActionResult Invalid()
    {
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
        var fundraiser = await db.Fundraisers.InOrganization(campaign.OrganizationId).AsNoTracking()
            .SingleOrDefaultAsync(f => f.CampaignId == campaign.Id, ct);
        if (fundraiser is null || !fundraiser.AllowPersonalPages || !fundraiser.IsOpen)
        {
            return false;
        }
        Campaign = campaign;
        Fundraiser = fundraiser;
        Teams = await db.FundraisingTeams.InOrganization(campaign.OrganizationId).AsNoTracking()
            .Where(t => t.FundraiserId == fundraiser.Id).OrderBy(t => t.Name).ToListAsync(ct);
        Consent = await ActionWordings.ForAsync(db, campaign.OrganizationId, fundraiser.Id, ActionForms.OpenPage, LocalizationSetup.CurrentLanguage, ct);
        return true;
    }
}
