using System.Net;
using Microsoft.EntityFrameworkCore;
using Relais.Contests;
using Relais.Giving;
using Relais.Web.Tests.Live;

namespace Relais.Web.Tests.Contests;

/// <summary>Contests and their boards, through HTTP on the real databases.</summary>
public abstract class ContestTests(RelaisHost host)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Board_DonationsInPeriod_RanksByAmountAndByUniqueDonors()
    {
        host.SkipIfUnavailable();
        var (orgA, fundraiserA) = await host.FundraiserAsync();
        var (orgB, fundraiserB) = await host.FundraiserAsync();
        var contest = await host.ContestAsync(orgA, Now.AddDays(-1), Now.AddDays(1));
        await host.EnterAsync(contest, orgA, "Alpha", fundraiserA);
        await host.EnterAsync(contest, orgB, "Bravo", fundraiserB);

        // Alpha: one donor giving three times (90 €); Bravo: two donors (20 €).
        foreach (var amount in new[] { 3_000L, 3_000, 3_000 })
        {
            await host.Data.DonationAsync(orgA, fundraiserA, amount, email: "same@example.org");
        }
        await host.Data.DonationAsync(orgB, fundraiserB, 1_000);
        await host.Data.DonationAsync(orgB, fundraiserB, 1_000);
        // Before the contest started: not counted.
        await host.Data.DonationAsync(orgB, fundraiserB, 100_000, at: Now.AddDays(-2));

        var board = await host.BoardAsync(contest.Slug);
        Assert.Equal([("Alpha", 9_000L, 1), ("Bravo", 2_000L, 2)], board.Lines("byAmount"));
        Assert.Equal([("Bravo", 2_000L, 2), ("Alpha", 9_000L, 1)], board.Lines("byDonors"));
        Assert.False(board.GetProperty("final").GetBoolean());
        var page = await host.Browser().GetStringAsync($"/contests/{contest.Slug}");
        Assert.Contains("Alpha", page);
        Assert.Contains("data-contest-live=\"/contests/" + contest.Slug + "/live\"", page);
    }

    [Fact]
    public async Task Enter_AfterGiftsOfThePeriod_CountsThemAndTheLaterOnesOnce()
    {
        host.SkipIfUnavailable();
        var (org, fundraiser) = await host.FundraiserAsync();
        var contest = await host.ContestAsync(org, Now.AddDays(-3), Now.AddDays(1), bonusStartsAt: Now.AddDays(-3), bonusEndsAt: Now.AddDays(-2));
        // Within the period (one of them on the bonus day), twice by one donor; before it; refunded.
        await host.Data.DonationAsync(org, fundraiser, 1_000, email: "early@example.org", at: Now.AddDays(-2.5));
        await host.Data.DonationAsync(org, fundraiser, 2_000, email: "early@example.org", at: Now.AddDays(-1));
        await host.Data.DonationAsync(org, fundraiser, 4_000, at: Now.AddDays(-5));
        await host.Data.DonationAsync(org, fundraiser, 8_000, DonationStatus.Refunded, at: Now.AddDays(-1));

        await host.EnterAsync(contest, org, "Late", fundraiser);
        await host.Data.DonationAsync(org, fundraiser, 500, email: "early@example.org");
        await host.Data.DonationAsync(org, fundraiser, 700, email: "later@example.org");

        var board = await host.BoardAsync(contest.Slug);
        Assert.Equal([("Late", 4_200L, 2)], board.Lines("byAmount"));
        var tallies = await host.Data.QueryAsync(db => db.ContestTallies.Where(t => t.ContestId == contest.Id).OrderBy(t => t.Board).ToListAsync());
        Assert.Equal([(ContestBoard.Main, 4_200L, 4, 2), (ContestBoard.Bonus, 1_000L, 1, 1)], tallies.Select(t => (t.Board, t.AmountMinor, t.DonationCount, t.DonorCount)));
    }

    [Fact]
    public async Task Board_BonusPeriod_CountsOnlyDonationsWithinIt()
    {
        host.SkipIfUnavailable();
        var (org, fundraiser) = await host.FundraiserAsync();
        var contest = await host.ContestAsync(org, Now.AddDays(-3), Now.AddDays(3), Now.AddDays(-1), Now.AddDays(1));
        await host.EnterAsync(contest, org, "Alpha", fundraiser);

        await host.Data.DonationAsync(org, fundraiser, 1_000, at: Now.AddDays(-2));
        await host.Data.DonationAsync(org, fundraiser, 2_500);

        var board = await host.BoardAsync(contest.Slug);
        Assert.Equal([("Alpha", 3_500L, 2)], board.Lines("byAmount"));
        Assert.Equal([("Alpha", 2_500L, 1)], board.Lines("bonus"));
    }

    [Fact]
    public async Task Board_AfterDeadline_IsFinalAndNothingChanges()
    {
        host.SkipIfUnavailable();
        var (org, fundraiser) = await host.FundraiserAsync();
        var contest = await host.ContestAsync(org, Now.AddDays(-3), Now.AddDays(3));
        await host.EnterAsync(contest, org, "Alpha", fundraiser);
        await host.Data.DonationAsync(org, fundraiser, 1_000, at: Now.AddDays(-2));
        await host.Data.QueryAsync(db => db.Contests.Where(c => c.Id == contest.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.EndsAt, Now.AddSeconds(-1))));

        var board = await host.BoardAsync(contest.Slug);
        // A late success (its provider settled it after the deadline) and a gift after it change nothing.
        await host.Data.DonationAsync(org, fundraiser, 5_000, at: Now.AddDays(-1));
        await host.Data.DonationAsync(org, fundraiser, 5_000);
        var after = await host.BoardAsync(contest.Slug);

        Assert.True(board.GetProperty("final").GetBoolean());
        Assert.Equal([("Alpha", 1_000L, 1)], after.Lines("byAmount"));
        Assert.NotNull(await host.Data.QueryAsync(db => db.Contests.Where(c => c.Id == contest.Id).Select(c => c.FrozenAt).SingleAsync()));
        Assert.Contains("Final results", await host.Browser().GetStringAsync($"/contests/{contest.Slug}"));
    }

    [Fact]
    public async Task Board_Refund_TakesTheDonationAndDonorBack()
    {
        host.SkipIfUnavailable();
        var (org, fundraiser) = await host.FundraiserAsync();
        var contest = await host.ContestAsync(org, Now.AddDays(-1), Now.AddDays(1));
        await host.EnterAsync(contest, org, "Alpha", fundraiser);
        await host.Data.DonationAsync(org, fundraiser, 1_000, email: "kept@example.org");
        await host.Data.DonationAsync(org, fundraiser, 4_000, DonationStatus.Refunded, email: "gone@example.org");

        var board = await host.BoardAsync(contest.Slug);
        Assert.Equal([("Alpha", 1_000L, 1)], board.Lines("byAmount"));
        var donors = await host.Data.QueryAsync(db => db.ContestDonors.CountAsync(d => db.ContestEntries.Any(e => e.Id == d.EntryId && e.ContestId == contest.Id)));
        Assert.Equal(1, donors);
    }

    [Fact]
    public async Task Teams_DonationsThroughTeams_CountForTheirEntries()
    {
        host.SkipIfUnavailable();
        var (org, fundraiser) = await host.FundraiserAsync();
        var red = await host.TeamAsync(org, fundraiser, "Red");
        var blue = await host.TeamAsync(org, fundraiser, "Blue");
        var contest = await host.ContestAsync(org, Now.AddDays(-1), Now.AddDays(1), kind: ContestEntryKind.Teams);
        await host.EnterAsync(contest, org, "Red", teamId: red);
        await host.EnterAsync(contest, org, "Blue", teamId: blue);

        await host.Data.DonationAsync(org, fundraiser, 1_000, teamId: red);
        await host.Data.DonationAsync(org, fundraiser, 7_000, teamId: blue);
        await host.Data.DonationAsync(org, fundraiser, 9_000);

        var board = await host.BoardAsync(contest.Slug);
        Assert.Equal([("Blue", 7_000L, 1), ("Red", 1_000L, 1)], board.Lines("byAmount"));
    }

    [Fact]
    public async Task Join_CodeFromSecondOrganization_EntersItsFundraiser()
    {
        host.SkipIfUnavailable();
        var owner = await host.Data.OrganizationAsync();
        var other = await host.Data.OrganizationAsync("Critical Exposure");
        var (_, otherFundraiser) = await host.FundraiserAsync(other.Id);
        var contest = await host.ContestAsync(owner.Id, Now.AddDays(-1), Now.AddDays(1));
        var organizer = await host.Browser().LoginAsync(other.OrganizerEmail);

        var response = await organizer.SubmitAsync($"/admin/contests/join?code={contest.JoinCode.ToLowerInvariant()}",
            new Dictionary<string, string> { ["choice"] = otherFundraiser.ToString(), ["displayName"] = "" });
        await host.Data.DonationAsync(other.Id, otherFundraiser, 1_500);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var board = await host.BoardAsync(contest.Slug);
        Assert.Equal([("Critical Exposure", 1_500L, 1)], board.Lines("byAmount"));
    }

    [Fact]
    public async Task Join_FundraiserInAnotherCurrency_RefusedWithMessage()
    {
        host.SkipIfUnavailable();
        var owner = await host.Data.OrganizationAsync();
        var other = await host.Data.OrganizationAsync();
        var (_, dollars) = await host.FundraiserAsync(other.Id, currency: "USD");
        var contest = await host.ContestAsync(owner.Id, Now.AddDays(-1), Now.AddDays(1));
        var organizer = await host.Browser().LoginAsync(other.OrganizerEmail);

        var response = await organizer.SubmitAsync($"/admin/contests/join?code={contest.JoinCode}",
            new Dictionary<string, string> { ["choice"] = dollars.ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("another currency", Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await host.Data.QueryAsync(db => db.ContestEntries.CountAsync(e => e.ContestId == contest.Id)));
    }

    [Fact]
    public async Task Join_OtherOrganizationsFundraiser_Refused()
    {
        host.SkipIfUnavailable();
        var owner = await host.Data.OrganizationAsync();
        var other = await host.Data.OrganizationAsync();
        var (_, ownersFundraiser) = await host.FundraiserAsync(owner.Id);
        await host.FundraiserAsync(other.Id);
        var contest = await host.ContestAsync(owner.Id, Now.AddDays(-1), Now.AddDays(1));
        var organizer = await host.Browser().LoginAsync(other.OrganizerEmail);

        var response = await organizer.SubmitAsync($"/admin/contests/join?code={contest.JoinCode}",
            new Dictionary<string, string> { ["choice"] = ownersFundraiser.ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await host.Data.QueryAsync(db => db.ContestEntries.CountAsync(e => e.ContestId == contest.Id)));
    }

    [Fact]
    public async Task Create_ThroughAdminForm_ThenEnterOwnFundraiser()
    {
        host.SkipIfUnavailable();
        var org = await host.Data.OrganizationAsync();
        var (_, fundraiser) = await host.FundraiserAsync(org.Id);
        var organizer = await host.Browser().LoginAsync(org.OrganizerEmail);
        var slug = "giving-day-" + Guid.NewGuid().ToString("N")[..8];
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "<script>alert(1)</script> Giving day",
            ["Input.Slug"] = slug,
            ["Input.Currency"] = "EUR",
            ["Input.EntryKind"] = "Fundraisers",
            ["Input.StartsAt"] = Now.AddDays(-1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm"),
            ["Input.EndsAt"] = Now.AddDays(-2).UtcDateTime.ToString("yyyy-MM-ddTHH:mm"),
        };

        var refused = await organizer.SubmitAsync("/admin/contests", fields, "/admin/contests?handler=Create");
        fields["Input.EndsAt"] = Now.AddDays(2).UtcDateTime.ToString("yyyy-MM-ddTHH:mm");
        var created = await organizer.SubmitAsync("/admin/contests", fields, "/admin/contests?handler=Create");
        var url = created.Headers.Location!.OriginalString;
        var entered = await organizer.SubmitAsync(url, new Dictionary<string, string> { ["choice"] = fundraiser.ToString(), ["displayName"] = "Us" }, url + "?handler=Enter");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("must end after it starts", Html.Text(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        var page = await host.Browser().GetStringAsync($"/contests/{slug}");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Giving day", page);
        Assert.Equal([("Us", 0L, 0)], (await host.BoardAsync(slug)).Lines("byAmount"));
    }

    [Fact]
    public async Task Live_AfterDonation_StreamsTheNewBoard()
    {
        host.SkipIfUnavailable();
        var (org, fundraiser) = await host.FundraiserAsync();
        var contest = await host.ContestAsync(org, Now.AddDays(-1), Now.AddDays(1));
        await host.EnterAsync(contest, org, "Alpha", fundraiser);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var stream = await EventStream.OpenAsync(host.Browser(), $"/contests/{contest.Slug}/live", timeout.Token);
        var initial = await stream.NextAsync(timeout.Token);
        await host.Data.DonationAsync(org, fundraiser, 4_200);
        var next = await stream.NextAsync(timeout.Token);

        Assert.Equal(0, initial.Lines("byAmount")[0].Amount);
        Assert.Equal(4_200, next.Lines("byAmount")[0].Amount);
        Assert.Equal(next.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), stream.LastId);
    }
}

public sealed class ContestsOnSqlite(SqliteHost host) : ContestTests(host), IClassFixture<SqliteHost>;

public sealed class ContestsOnPostgres(PostgresHost host) : ContestTests(host), IClassFixture<PostgresHost>;
