using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Actions;
using Relais.Activities;
using Relais.Consents;
using Relais.Contests;
using Relais.Drives;
using Relais.Giving;
using Relais.Outbox;
using Relais.Web.Tests.Contests;
using Relais.Web.Tests.Giving;
using Relais.Web.Tests.Privacy;

namespace Relais.Web.Tests.Actions;

/// <summary>
/// Every action on the one path of the intake, through HTTP on both engines: a gift through a
/// team's personal page, a pledge and a page opened each record their supporter, their form's
/// consent wording, their activity and their thank-you; donors, pledgers and page owners reach the
/// ladder; the same form posted at once 50 times stores one.
/// </summary>
public abstract partial class ActionPathTests
{
    private static readonly string Tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd");

    [GeneratedRegex("href=\"/c/[^\"]+/give\\?page=([a-z0-9-]+)\"")]
    private static partial Regex DonateLink();

    [GeneratedRegex("name=\"t\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex FormToken();

    private readonly RelaisHost _host;

    protected ActionPathTests(RelaisHost host)
    {
        _host = host;
        Mailbox.UseSink(host);
    }

    private sealed record World(SeededOrganization Organization, SeededCampaign Campaign, Guid FundraiserId, Drive Drive);

    private async Task<World> ArrangeAsync()
    {
        var organization = await _host.Data.OrganizationAsync();
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        var fundraiser = await _host.Data.FundraiserAsync(organization.Id, campaign.Id, goalMinor: 100_000);
        var drive = new Drive { OrganizationId = organization.Id, CampaignId = campaign.Id };
        drive.Needs.Add(new DriveNeed { OrganizationId = organization.Id, DriveId = drive.Id, Item = "Nappies", Unit = "packs", QuantityWanted = 300 });
        drive.Points.Add(new DropOffPoint { OrganizationId = organization.Id, DriveId = drive.Id, Name = "Centre", Address = "1 iela", City = "Riga", OpeningHours = AllWeek() });
        await _host.Data.QueryAsync(async db =>
        {
            db.OfflinePaymentSettings.Add(new OfflinePaymentSettings
            {
                OrganizationId = organization.Id,
                TransferEnabled = true,
                Iban = "FR7630006000011234567890189",
                AccountHolder = "Association Test",
            });
            db.Drives.Add(drive);
            return await db.SaveChangesAsync();
        });
        return new World(organization, campaign, fundraiser, drive);
    }

    [Fact]
    public async Task Gift_ThroughATeamPageInAContest_CreditsPageTeamAndBoardOnce()
    {
        _host.SkipIfUnavailable();
        var world = await ArrangeAsync();
        var slug = world.Campaign.Slug;
        var opened = await _host.Browser().SubmitAsync($"/c/{slug}/fundraise", PageForm(Mailbox.UniqueAddress("captain"), "Ana runs for the centre", team: "new")
            .Append(new("Form.NewTeamName", "Les Relayeurs")));
        Assert.True(opened.StatusCode == HttpStatusCode.Redirect, _host.Errors.ToString());
        var page = await _host.Data.QueryAsync(db => db.FundraisingPages.AsNoTracking().SingleAsync(p => p.FundraiserId == world.FundraiserId));
        var contest = await _host.ContestAsync(world.Organization.Id, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7), kind: ContestEntryKind.Teams);
        await _host.EnterAsync(contest, world.Organization.Id, "Les Relayeurs", teamId: page.TeamId);

        // The friend follows the page's donate button, as a browser does: the form carries the page.
        var donor = _host.Browser();
        var personal = await donor.GetStringAsync("/p/" + page.Slug);
        var pageSlug = DonateLink().Match(personal).Groups[1].Value;
        Assert.Equal(page.Slug, pageSlug);
        var form = await donor.GetStringAsync($"/c/{slug}/give?page={pageSlug}");
        Assert.Contains($"<input type=\"hidden\" name=\"page\" value=\"{page.Slug}\">", form);
        var fields = DonateForm.Gift(Mailbox.UniqueAddress("friend"), "25");
        fields["page"] = page.Slug;
        fields["t"] = FormToken().Match(form).Groups[1].Value;
        var given = await donor.SubmitAsync($"/c/{slug}/give?page={pageSlug}", fields);
        var again = await donor.SubmitAsync($"/c/{slug}/give?page={pageSlug}", fields);
        Assert.Equal(HttpStatusCode.SeeOther, given.StatusCode);
        Assert.Equal(given.Headers.Location, again.Headers.Location);
        var donation = await _host.Data.QueryAsync(db => db.Donations.AsNoTracking().SingleAsync(d => d.FundraiserId == world.FundraiserId));
        Assert.Equal(page.Id, donation.FundraisingPageId);
        Assert.Equal(page.TeamId, donation.FundraisingTeamId);

        var organizer = await _host.Browser().LoginAsync(world.Organization.OrganizerEmail);
        var donations = $"/admin/campaigns/{world.Campaign.Id}/donations";
        await organizer.SubmitAsync(donations, [], $"{donations}/received?donation={donation.Id}");
        await organizer.SubmitAsync(donations, [], $"{donations}/received?donation={donation.Id}");

        var stored = await _host.Data.QueryAsync(async db => (
            Page: await db.FundraisingPages.AsNoTracking().SingleAsync(p => p.Id == page.Id),
            Team: await db.FundraisingTeams.AsNoTracking().SingleAsync(t => t.Id == page.TeamId),
            Fundraiser: await db.Fundraisers.AsNoTracking().SingleAsync(f => f.Id == world.FundraiserId)));
        Assert.Equal((2_500L, 1), (stored.Page.RaisedMinor, stored.Page.DonorCount));
        Assert.Equal((2_500L, 1), (stored.Team.RaisedMinor, stored.Team.DonorCount));
        Assert.Equal((2_500L, 1), (stored.Fundraiser.RaisedMinor, stored.Fundraiser.DonorCount));
        Assert.Equal([("Les Relayeurs", 2_500L, 1)], (await _host.BoardAsync(contest.Slug)).Lines("byAmount"));
        Assert.Contains("data-page-total=\"2500\"", await _host.Browser().GetStringAsync("/p/" + page.Slug));
    }

    [Fact]
    public async Task EveryAction_RecordsItsOwnConsentWordingActivityAndReachesTheLadder()
    {
        _host.SkipIfUnavailable();
        var world = await ArrangeAsync();
        var slug = world.Campaign.Slug;
        string pledger = Mailbox.UniqueAddress("pledger"), donor = Mailbox.UniqueAddress("donor"), owner = Mailbox.UniqueAddress("owner");

        var pledgeForm = await _host.Browser().GetStringAsync($"/c/{slug}/bring");
        var pledgeWording = ActionWordings.Default(ActionForms.Pledge, "en", await OrganizationNameAsync(world.Organization.Id));
        Assert.Contains(WebUtility.HtmlEncode(pledgeWording), pledgeForm);
        Assert.DoesNotContain(WebUtility.HtmlEncode(Relais.Organizations.OrganizationDefaults.ConsentWordingEn), pledgeForm);
        Assert.Equal(HttpStatusCode.Redirect, (await _host.Browser().SubmitAsync($"/c/{slug}/bring", Pledge(world.Drive, pledger))).StatusCode);
        var (gift, _) = await DonateForm.GiveAsync(_host.Browser(), slug, DonateForm.Gift(donor, "10"));
        Assert.Equal(HttpStatusCode.SeeOther, gift.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _host.Browser().SubmitAsync($"/c/{slug}/fundraise", PageForm(owner, "My page"))).StatusCode);
        var donation = await _host.Data.QueryAsync(db => db.Donations.AsNoTracking().SingleAsync(d => d.FundraiserId == world.FundraiserId));
        var organizer = await _host.Browser().LoginAsync(world.Organization.OrganizerEmail);
        var donations = $"/admin/campaigns/{world.Campaign.Id}/donations";
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.SubmitAsync(donations, [], $"{donations}/received?donation={donation.Id}")).StatusCode);

        foreach (var (email, purpose, form, source, activity) in new[]
        {
            (pledger, ConsentPurposes.ItemPledge, ActionForms.Pledge, $"drive:{world.Drive.Id}", ActivityType.Pledged),
            (donor, ConsentPurposes.Donation, ActionForms.Give, $"fundraiser:{world.FundraiserId}", ActivityType.Donated),
            (owner, ConsentPurposes.FundraisingPage, ActionForms.OpenPage, $"page:{world.FundraiserId}", ActivityType.Hosted),
        })
        {
            var supporter = await _host.Data.SupporterAsync(world.Organization.Id, email);
            var consent = await _host.Data.QueryAsync(db => db.Consents.AsNoTracking().SingleAsync(c => c.SupporterId == supporter.Id));
            Assert.Equal(purpose, consent.Purpose);
            Assert.Equal(source, consent.Source);
            Assert.Equal(ActionWordings.Default(form, "en", await OrganizationNameAsync(world.Organization.Id)), consent.Wording);
            Assert.Equal(1, await _host.Data.QueryAsync(db => db.Activities.CountAsync(a => a.SupporterId == supporter.Id && a.Type == activity)));
            // The ladder job places whoever acted within about a second.
            var rank = await WaitForLadderAsync(supporter.Id);
            Assert.True(rank >= 2, $"{email} ({activity}) stands on level {rank}");
        }
    }

    [Fact]
    public async Task EveryAction_ThankYouInTheSupportersLanguage_OnceEvenWhenTwoRunnersDrainTheOutbox()
    {
        _host.SkipIfUnavailable();
        Mailbox.SkipIfUnavailable();
        var world = await ArrangeAsync();
        var slug = world.Campaign.Slug;
        string pledger = Mailbox.UniqueAddress("merci-pledge"), owner = Mailbox.UniqueAddress("merci-page"), donor = Mailbox.UniqueAddress("merci-gift");
        Assert.Equal(HttpStatusCode.Redirect, (await _host.Browser("fr-FR").SubmitAsync($"/c/{slug}/bring", Pledge(world.Drive, pledger))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _host.Browser().SubmitAsync($"/c/{slug}/fundraise", PageForm(owner, "Running for nappies"))).StatusCode);
        await DonateForm.GiveAsync(_host.Browser("fr-FR"), slug, DonateForm.Gift(donor, "10"));
        var donation = await _host.Data.QueryAsync(db => db.Donations.AsNoTracking().SingleAsync(d => d.FundraiserId == world.FundraiserId));
        var organizer = await _host.Browser().LoginAsync(world.Organization.OrganizerEmail);
        var donations = $"/admin/campaigns/{world.Campaign.Id}/donations";
        await organizer.SubmitAsync(donations, [], $"{donations}/received?donation={donation.Id}");

        // Another node, or this one restarted, drains the same outbox at the same moment.
        await Task.WhenAll(
            ActivatorUtilities.CreateInstance<OutboxProcessor>(_host.Services).RunDueAsync(CancellationToken.None),
            ActivatorUtilities.CreateInstance<OutboxProcessor>(_host.Services).RunDueAsync(CancellationToken.None));

        var pledged = await Mailbox.WaitForContainingAsync(pledger, "?ref=");
        var page = await Mailbox.WaitForContainingAsync(owner, "?ref=");
        var gift = await Mailbox.WaitForContainingAsync(donor, "?ref=");
        Assert.Equal("Merci pour votre promesse, Ana !", pledged.Subject);
        Assert.Contains($"Titre {slug}", pledged.Text);
        Assert.Equal("Your fundraising page is open, Ana!", page.Subject);
        Assert.Equal("Merci pour votre don, Ana !", gift.Subject);
        Assert.Contains("1 personnes ont donné", gift.Text);
        await Task.Delay(1_000);
        foreach (var email in new[] { pledger, owner, donor })
        {
            Assert.Equal(1, Mailbox.CountContaining(email, "?ref="));
        }
        Assert.Equal(3, await _host.Data.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.OrganizationId == world.Organization.Id && m.Kind == OutboxKinds.ThankYou)));
    }

    [Fact]
    public async Task SameForm_Posted50TimesAtOnce_StoresOnePledgeOneDonationOnePage()
    {
        _host.SkipIfUnavailable();
        var world = await ArrangeAsync();
        var slug = world.Campaign.Slug;

        await PostAtOnceAsync($"/c/{slug}/bring", Pledge(world.Drive, Mailbox.UniqueAddress("twice")));
        var gift = DonateForm.Gift(Mailbox.UniqueAddress("twice"), "10");
        await PostAtOnceAsync($"/c/{slug}/give", gift);
        await PostAtOnceAsync($"/c/{slug}/fundraise", PageForm(Mailbox.UniqueAddress("twice"), "Once only").ToDictionary());

        var counts = await _host.Data.QueryAsync(async db => (
            Pledges: await db.ItemPledges.CountAsync(p => p.DriveId == world.Drive.Id),
            Pledged: (await db.DriveNeeds.SingleAsync(n => n.Id == world.Drive.Needs[0].Id)).PledgedQuantity,
            Donations: await db.Donations.CountAsync(d => d.FundraiserId == world.FundraiserId),
            Pages: await db.FundraisingPages.CountAsync(p => p.FundraiserId == world.FundraiserId),
            Supporters: await db.Supporters.CountAsync(s => s.OrganizationId == world.Organization.Id)));
        Assert.Equal((1, 12L, 1, 1, 3), counts);
    }

    [Fact]
    public async Task Wording_EditedPerActionInBothLanguages_ShownRecordedWithItsVersion_OthersCannotTouchIt()
    {
        _host.SkipIfUnavailable();
        var world = await ArrangeAsync();
        var url = $"/admin/actions/{world.Drive.Id}/wording";
        var organizer = await _host.Browser().LoginAsync(world.Organization.OrganizerEmail);
        Dictionary<string, string> Words(string en) => new()
        {
            ["Texts[pledge.fr]"] = "J’apporte mes dons <b>et</b> j’accepte d’être recontacté·e.",
            ["Texts[pledge.en]"] = en,
        };

        var tooLong = await organizer.SubmitAsync(url, Words(new string('x', ActionWording.TextMax + 1)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("2000 characters at most", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(0, await _host.Data.QueryAsync(db => db.ActionWordings.CountAsync(w => w.ActionId == world.Drive.Id)));

        var viewer = await _host.Browser().LoginAsync(world.Organization.ViewerEmail);
        var denied = await viewer.SubmitAsync(url, Words("A viewer's words"));
        Assert.StartsWith("/admin/denied", denied.Headers.Location?.AbsolutePath);
        var other = await _host.Data.OrganizationAsync();
        var stranger = await _host.Browser().LoginAsync(other.OrganizerEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await organizer.SubmitAsync(url, Words("I bring my items and may be contacted about them."))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.SubmitAsync(url, Words("I bring my items; contact me about them."))).StatusCode);

        var form = await _host.Browser("fr-FR").GetStringAsync($"/c/{world.Campaign.Slug}/bring");
        Assert.Contains("J’apporte mes dons &lt;b&gt;et&lt;/b&gt; j’accepte d’être recontacté·e.", form);
        var email = Mailbox.UniqueAddress("worded");
        Assert.Equal(HttpStatusCode.Redirect, (await _host.Browser().SubmitAsync($"/c/{world.Campaign.Slug}/bring", Pledge(world.Drive, email))).StatusCode);
        var supporter = await _host.Data.SupporterAsync(world.Organization.Id, email);
        var consent = await _host.Data.QueryAsync(db => db.Consents.AsNoTracking().SingleAsync(c => c.SupporterId == supporter.Id));
        Assert.Equal(("I bring my items; contact me about them.", 2, "en"), (consent.Wording, consent.WordingVersion, consent.Language));
        var stored = await _host.Data.QueryAsync(db => db.ActionWordings.AsNoTracking().Where(w => w.ActionId == world.Drive.Id).OrderBy(w => w.Language).ToListAsync());
        Assert.Equal([("en", 2), ("fr", 1)], stored.Select(w => (w.Language, w.Version)));
    }

    /// <summary>One browser's form (one antiforgery token, one form token), posted 50 times at once.</summary>
    private async Task PostAtOnceAsync(string url, Dictionary<string, string> fields)
    {
        var browser = _host.Browser();
        var (antiforgery, token) = await browser.TokensAsync(url);
        var body = new Dictionary<string, string>(fields) { ["__af"] = antiforgery };
        if (token is not null)
        {
            body["t"] = token;
        }
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => browser.PostAsync(url, new FormUrlEncodedContent(body))));
        Assert.All(responses, r => Assert.True((int)r.StatusCode is 302 or 303 or 400, $"{url} answered {(int)r.StatusCode}: {_host.Errors}"));
        Assert.Contains(responses, r => (int)r.StatusCode is 302 or 303);
    }

    private async Task<int> WaitForLadderAsync(Guid supporterId)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var rank = await _host.Data.QueryAsync(db => db.Supporters.Where(s => s.Id == supporterId)
                .Select(s => new { s.LadderRank, Due = s.LadderEvaluatedAt == null || s.LadderEvaluatedAt < s.LastActiveAt }).SingleAsync());
            if ((!rank.Due && rank.LadderRank > 0) || DateTime.UtcNow > until)
            {
                return rank.LadderRank;
            }
            await Task.Delay(200);
        }
    }

    private Task<string> OrganizationNameAsync(Guid organizationId) =>
        _host.Data.QueryAsync(db => db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync());

    private static string AllWeek()
    {
        Assert.True(WeeklyHours.TryFrom(WeeklyHours.Week.ToDictionary(d => d, _ => (string?)"00:00-23:59"), out var hours, out _));
        return hours.ToString();
    }

    private static Dictionary<string, string> Pledge(Drive drive, string email) => new()
    {
        ["Form.NeedId"] = drive.Needs[0].Id.ToString(),
        ["Form.Quantity"] = "12",
        ["Form.PointId"] = drive.Points[0].Id.ToString(),
        ["Form.Date"] = Tomorrow,
        ["Form.FirstName"] = "Ana",
        ["Form.LastName"] = "Ozola",
        ["Form.Email"] = email,
        ["Form.Consent"] = "true",
    };

    private static IEnumerable<KeyValuePair<string, string>> PageForm(string email, string title, string team = "none") => new Dictionary<string, string>
    {
        ["Form.FirstName"] = "Ana",
        ["Form.LastName"] = "Martin",
        ["Form.Email"] = email,
        ["Form.Title"] = title,
        ["Form.Story"] = "For the newborns.",
        ["Form.Goal"] = "500",
        ["Form.TeamChoice"] = team,
    };
}

public sealed class ActionPathOnSqlite(SqliteHost host) : ActionPathTests(host), IClassFixture<SqliteHost>;

public sealed class ActionPathOnPostgres(PostgresHost host) : ActionPathTests(host), IClassFixture<PostgresHost>;
