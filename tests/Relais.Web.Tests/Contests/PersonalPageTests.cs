using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Relais.Giving;

namespace Relais.Web.Tests.Contests;

/// <summary>Peer-to-peer: personal fundraising pages and teams, through HTTP on the real databases.</summary>
public abstract partial class PersonalPageTests(RelaisHost host)
{
    [GeneratedRegex("href=\"/p/([a-z0-9-]+)\"")]
    private static partial Regex PageLink();

    private static Dictionary<string, string> Form(string email, string title = "I run for Sunday", string goal = "500", string team = "none") => new()
    {
        ["Form.FirstName"] = "Ana",
        ["Form.LastName"] = "Martin",
        ["Form.Email"] = email,
        ["Form.Title"] = title,
        ["Form.Story"] = "Why I **give**. <script>alert(1)</script>",
        ["Form.Goal"] = goal,
        ["Form.TeamChoice"] = team,
    };

    [Fact]
    public async Task Fundraise_ApprovalRequired_PublicOnlyAfterOrganizerApproves()
    {
        host.SkipIfUnavailable();
        var org = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(org.Id);
        var fundraiser = await host.Data.FundraiserAsync(org.Id, campaign.Id);
        await host.Data.QueryAsync(db => db.Fundraisers.Where(f => f.Id == fundraiser).ExecuteUpdateAsync(s => s.SetProperty(f => f.RequirePageApproval, true)));

        var opened = await host.Browser().SubmitAsync($"/c/{campaign.Slug}/fundraise", Form("ana@example.org", goal: "1 250,50"));
        var page = await host.Data.QueryAsync(db => db.FundraisingPages.SingleAsync(p => p.FundraiserId == fundraiser));
        var before = await host.Browser().GetAsync($"/p/{page.Slug}");
        var organizer = await host.Browser().LoginAsync(org.OrganizerEmail);
        var list = await organizer.GetStringAsync($"/admin/campaigns/{campaign.Id}/pages");
        var approved = await organizer.SubmitAsync($"/admin/campaigns/{campaign.Id}/pages",
            new Dictionary<string, string> { ["pageId"] = page.Id.ToString() }, $"/admin/campaigns/{campaign.Id}/pages?handler=Approve");
        var after = await host.Browser().GetAsync($"/p/{page.Slug}");
        var html = await after.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("approved", Html.Text(await opened.Content.ReadAsStringAsync()));
        Assert.Equal(125_050, page.GoalMinor);
        Assert.Equal(FundraisingPageStatus.AwaitingApproval, page.Status);
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Contains("ana@example.org", list);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains($"/c/{campaign.Slug}/give?page={page.Slug}", html);
        Assert.Contains($"/r/", html);
        Assert.Contains("<strong>give</strong>", html);
        Assert.DoesNotContain("<script>alert(1)", html);
    }

    [Fact]
    public async Task Fundraise_BadGoal_400AndNothingWritten()
    {
        host.SkipIfUnavailable();
        var org = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(org.Id);
        var fundraiser = await host.Data.FundraiserAsync(org.Id, campaign.Id);

        var zero = await host.Browser().SubmitAsync($"/c/{campaign.Slug}/fundraise", Form("bo@example.org", goal: "0"));
        var decimals = await host.Browser().SubmitAsync($"/c/{campaign.Slug}/fundraise", Form("bo@example.org", goal: "12,3456"));

        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Contains("more than zero", Html.Text(await zero.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, decimals.StatusCode);
        Assert.Equal(0, await host.Data.QueryAsync(db => db.FundraisingPages.CountAsync(p => p.FundraiserId == fundraiser)));
        Assert.Equal(0, await host.Data.SupportersAsync(org.Id));
    }

    [Fact]
    public async Task Fundraise_SameTitleTwice_SecondGetsASuffixedAddress()
    {
        host.SkipIfUnavailable();
        var org = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(org.Id);
        await host.Data.FundraiserAsync(org.Id, campaign.Id);
        var title = "Same title " + Guid.NewGuid().ToString("N")[..6];

        var first = await host.Browser().SubmitAsync($"/c/{campaign.Slug}/fundraise", Form("one@example.org", title));
        var second = await host.Browser().SubmitAsync($"/c/{campaign.Slug}/fundraise", Form("two@example.org", title));
        var again = await host.Browser().SubmitAsync($"/c/{campaign.Slug}/fundraise", Form("one@example.org", "Another"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        Assert.StartsWith(first.Headers.Location!.OriginalString, second.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already have a personal page", Html.Text(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Team_MembersDonations_TeamPageShowsTotalAndMembers()
    {
        host.SkipIfUnavailable();
        var org = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(org.Id);
        var fundraiser = await host.Data.FundraiserAsync(org.Id, campaign.Id);
        var created = await host.Browser().SubmitAsync($"/c/{campaign.Slug}/fundraise",
            Form("captain@example.org", "Captain's page", team: "new").Append(new("Form.NewTeamName", "Les Relayeurs")));
        var team = await host.Data.QueryAsync(db => db.FundraisingTeams.SingleAsync(t => t.FundraiserId == fundraiser));
        var joined = await host.Browser().SubmitAsync($"/c/{campaign.Slug}/fundraise",
            Form("member@example.org", "Member's page", team: "join").Append(new("Form.JoinTeamId", team.Id.ToString())));
        var pages = await host.Data.QueryAsync(db => db.FundraisingPages.Where(p => p.FundraiserId == fundraiser).ToListAsync());
        foreach (var page in pages)
        {
            await host.Data.DonationAsync(org.Id, fundraiser, 2_000, pageId: page.Id, teamId: team.Id);
        }

        var html = await host.Browser().GetStringAsync($"/t/{team.Slug}");
        var stored = await host.Data.QueryAsync(db => db.FundraisingTeams.SingleAsync(t => t.Id == team.Id));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.All(pages, p => Assert.Equal(team.Id, p.TeamId));
        Assert.Equal(4_000, stored.RaisedMinor);
        Assert.Equal(2, stored.DonorCount);
        Assert.Contains("data-team-total=\"4000\"", html);
        Assert.Equal(2, PageLink().Matches(html).Count);
    }

    [Fact]
    public async Task Fundraise_PersonalPagesNotAllowed_NotFound()
    {
        host.SkipIfUnavailable();
        var org = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(org.Id);
        var fundraiser = await host.Data.FundraiserAsync(org.Id, campaign.Id);
        await host.Data.QueryAsync(db => db.Fundraisers.Where(f => f.Id == fundraiser).ExecuteUpdateAsync(s => s.SetProperty(f => f.AllowPersonalPages, false)));

        Assert.Equal(HttpStatusCode.NotFound, (await host.Browser().GetAsync($"/c/{campaign.Slug}/fundraise")).StatusCode);
    }
}

public sealed class PersonalPagesOnSqlite(SqliteHost host) : PersonalPageTests(host), IClassFixture<SqliteHost>;

public sealed class PersonalPagesOnPostgres(PostgresHost host) : PersonalPageTests(host), IClassFixture<PostgresHost>;
