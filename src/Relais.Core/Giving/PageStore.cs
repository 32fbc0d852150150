using Microsoft.EntityFrameworkCore;
using Relais.Actions;
using Relais.Activities;
using Relais.Data;

namespace Relais.Giving;

/// <summary>How a new personal page joins a team: alone, with a new team it captains, or in an existing team.</summary>
public sealed record PageTeam(string Choice, string? NewName = null, long NewGoalMinor = 0, Guid? JoinId = null)
{
    public static PageTeam None { get; } = new("none");
}

/// <summary>A valid form that opens a personal fundraising page, ready for the <see cref="ActionIntake"/>.</summary>
public sealed record PageRequest(
    Guid OrganizationId,
    Guid? CampaignId,
    Guid ActionId,
    ActionPerson Person,
    ShownConsent Consent,
    string? EmailUpdatesWording,
    Guid? RelayId,
    string Source,
    string Title,
    string Story,
    long GoalMinor,
    PageTeam Team,
    bool RequireApproval)
    : ActionRequest(OrganizationId, CampaignId, ActionId, Person, Consent, EmailUpdatesWording, RelayId, Source)
{
    public Guid FundraiserId => ActionId;

    public override string FormSource => $"page:{FundraiserId}";
}

/// <summary>
/// What opening a personal page stores beside the shared rows: the page (and the team it founds),
/// with the Hosted activity through the batch. One page per person and fundraiser: a second is
/// refused (<see cref="PersonalPageMessages.AlreadyHasPage"/>), and so is a team name already
/// taken in the fundraiser. Addresses are made free inside the transaction; a race with another
/// node trips the unique index, and the intake writes the request again.
/// </summary>
public sealed class PageStore : IActionStore
{
    public Type RequestType => typeof(PageRequest);

    public async Task<ActionWrites> DecideAsync(ActionBatch batch, IReadOnlyList<Submission> submissions, CancellationToken ct)
    {
        var db = batch.Db;
        var owners = await OwnersAsync(db, submissions, ct);
        var teams = new List<FundraisingTeam>();
        var pages = new List<FundraisingPage>();
        var slugs = new HashSet<string>();
        var teamSlugs = new HashSet<string>();
        foreach (var submission in submissions)
        {
            var request = (PageRequest)submission.Request;
            if (!owners.Add((request.FundraiserId, submission.Supporter.Id)))
            {
                batch.Settle(submission, ActionStatus.Refused, reason: PersonalPageMessages.AlreadyHasPage);
                continue;
            }
            var team = request.Team.Choice switch
            {
                "new" => await NewTeamAsync(db, request, submission, teams, teamSlugs, batch.Now, ct),
                "join" => await db.FundraisingTeams.AsNoTracking()
                    .SingleOrDefaultAsync(t => t.Id == request.Team.JoinId && t.FundraiserId == request.FundraiserId && t.OrganizationId == request.OrganizationId, ct),
                _ => null,
            };
            if (team is null && request.Team.Choice != "none")
            {
                owners.Remove((request.FundraiserId, submission.Supporter.Id));
                batch.Settle(submission, ActionStatus.Refused,
                    reason: request.Team.Choice == "new" ? PersonalPageMessages.TeamNameTaken : PersonalPageMessages.UnknownTeam);
                continue;
            }
            var page = new FundraisingPage
            {
                OrganizationId = request.OrganizationId,
                FundraiserId = request.FundraiserId,
                SupporterId = submission.Supporter.Id,
                TeamId = team?.Id,
                Title = request.Title,
                Story = request.Story,
                GoalMinor = request.GoalMinor,
                Slug = await FreeSlugAsync(PageSlugs.From(request.Title), slugs, s => db.FundraisingPages.AnyAsync(p => p.Slug == s, ct)),
                Status = request.RequireApproval ? FundraisingPageStatus.AwaitingApproval : FundraisingPageStatus.Approved,
                CreatedAt = batch.Now,
            };
            pages.Add(page);
            batch.Accept(submission, ActivityType.Hosted, page);
        }
        if (pages.Count == 0)
        {
            return ActionWrites.None;
        }
        return new ActionWrites(async token =>
        {
            await db.InsertAsync(teams, token);
            await db.InsertAsync(pages, token);
        });
    }

    /// <summary>Who of these returning supporters already runs a page of these fundraisers.</summary>
    private static async Task<HashSet<(Guid FundraiserId, Guid SupporterId)>> OwnersAsync(
        RelaisDb db, IReadOnlyList<Submission> submissions, CancellationToken ct)
    {
        var supporterIds = submissions.Where(s => !s.IsNewSupporter).Select(s => s.Supporter.Id).Distinct().ToList();
        if (supporterIds.Count == 0)
        {
            return [];
        }
        var fundraiserIds = submissions.Select(s => s.Request.ActionId).Distinct().ToList();
        return (await db.FundraisingPages.AsNoTracking()
                .Where(p => supporterIds.Contains(p.SupporterId) && fundraiserIds.Contains(p.FundraiserId))
                .Select(p => new { p.FundraiserId, p.SupporterId })
                .ToListAsync(ct))
            .Select(p => (p.FundraiserId, p.SupporterId))
            .ToHashSet();
    }

    /// <summary>The team the page founds, or null when its name is taken in the fundraiser (in the database or earlier in the batch).</summary>
    private static async Task<FundraisingTeam?> NewTeamAsync(
        RelaisDb db, PageRequest request, Submission submission, List<FundraisingTeam> teams, HashSet<string> slugs, DateTimeOffset now, CancellationToken ct)
    {
        var name = request.Team.NewName!.Trim();
        var lowered = name.ToLowerInvariant();
        if (teams.Any(t => t.FundraiserId == request.FundraiserId && t.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            || await db.FundraisingTeams.AnyAsync(t => t.FundraiserId == request.FundraiserId && t.Name.ToLower() == lowered, ct))
        {
            return null;
        }
        var team = new FundraisingTeam
        {
            OrganizationId = request.OrganizationId,
            FundraiserId = request.FundraiserId,
            CaptainSupporterId = submission.Supporter.Id,
            Name = name,
            Slug = await FreeSlugAsync(PageSlugs.From(name), slugs, s => db.FundraisingTeams.AnyAsync(t => t.Slug == s, ct)),
            GoalMinor = request.Team.NewGoalMinor,
            CreatedAt = now,
        };
        teams.Add(team);
        return team;
    }

    /// <summary>The slug itself when free (in the database and in the batch), else the slug with a short random suffix.</summary>
    private static async Task<string> FreeSlugAsync(string slug, HashSet<string> takenInBatch, Func<string, Task<bool>> takenBefore)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var candidate = PageSlugs.WithSuffix(slug, attempt);
            if (!takenInBatch.Contains(candidate) && !await takenBefore(candidate))
            {
                takenInBatch.Add(candidate);
                return candidate;
            }
        }
        var last = PageSlugs.WithSuffix(slug, 99);
        takenInBatch.Add(last);
        return last;
    }
}
