using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Giving;
using Relais.Organizations;
using Relais.Supporters;
using Relais.Web.Campaigns;
using Relais.Web.Localization;

namespace Relais.Web.Pages.Fundraising;

/// <summary>
/// A supporter opens a personal fundraising page under the campaign's fundraiser, alone, with a new
/// team or in an existing one. Bad input re-shows the form and writes nothing.
/// </summary>
public sealed class FundraiseModel(RelaisDb db, CampaignPages pages, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
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

        var email = EmailAddress.Normalize(Form.Email!);
        var supporter = await db.Supporters.InOrganization(Campaign.OrganizationId).SingleOrDefaultAsync(s => s.NormalizedEmail == email, ct);
        if (supporter is not null && await db.FundraisingPages.AnyAsync(p => p.FundraiserId == Fundraiser.Id && p.SupporterId == supporter.Id, ct))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.Email)}", localizer[PersonalPageMessages.AlreadyHasPage]);
            return Invalid();
        }
        var now = clock.GetUtcNow();
        if (supporter is null)
        {
            supporter = new Supporter
            {
                OrganizationId = Campaign.OrganizationId,
                Email = Form.Email!.Trim(),
                NormalizedEmail = email,
                FirstName = Form.FirstName!.Trim(),
                LastName = Form.LastName?.Trim() ?? "",
                Language = LocalizationSetup.CurrentLanguage,
                CreatedAt = now,
            };
            db.Supporters.Add(supporter);
        }
        supporter.LastActiveAt = now;

        FundraisingTeam? team = joined;
        if (Form.TeamChoice == "new")
        {
            team = new FundraisingTeam
            {
                OrganizationId = Campaign.OrganizationId,
                FundraiserId = Fundraiser.Id,
                CaptainSupporterId = supporter.Id,
                Name = teamName!,
                Slug = await FreeSlugAsync(PageSlugs.From(teamName!), s => db.FundraisingTeams.AnyAsync(t => t.Slug == s, ct)),
                GoalMinor = teamGoal,
                CreatedAt = now,
            };
            db.FundraisingTeams.Add(team);
        }
        var title = Form.Title!.Trim();
        var page = new FundraisingPage
        {
            OrganizationId = Campaign.OrganizationId,
            FundraiserId = Fundraiser.Id,
            SupporterId = supporter.Id,
            TeamId = team?.Id,
            Title = title,
            Story = Form.Story?.Trim() ?? "",
            GoalMinor = goal,
            Slug = await FreeSlugAsync(PageSlugs.From(title), s => db.FundraisingPages.AnyAsync(p => p.Slug == s, ct)),
            Status = Fundraiser.RequirePageApproval ? FundraisingPageStatus.AwaitingApproval : FundraisingPageStatus.Approved,
            CreatedAt = now,
        };
        db.FundraisingPages.Add(page);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone took the same address, team name or page a moment ago: nothing was written.
            db.ChangeTracker.Clear();
            ModelState.AddModelError(nameof(Form), localizer[PersonalPageMessages.Conflict]);
            return Invalid();
        }
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

    /// <summary>The slug itself when free, else the slug with a short random suffix.</summary>
    private static async Task<string> FreeSlugAsync(string slug, Func<string, Task<bool>> taken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var candidate = PageSlugs.WithSuffix(slug, attempt);
            if (!await taken(candidate))
            {
                return candidate;
            }
        }
        return PageSlugs.WithSuffix(slug, 99);
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
        return true;
    }
}
