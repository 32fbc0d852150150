using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Activities;
using Relais.Drives;
using Relais.Web.Drives;
using Relais.Web.Tests.Privacy;

namespace Relais.Web.Tests.Drives;

/// <summary>In-kind drives through HTTP: the organizer's set-up, pledges, QR codes, receptions, corrections and reminders.</summary>
public abstract partial class DriveTests(RelaisHost host)
{
    private static readonly string Tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd");

    [GeneratedRegex("/bring/([A-Za-z0-9_-]{22})$")]
    private static partial Regex CodePattern();

    [Fact]
    public async Task Pledge_SetUpByOrganizerThenScannedAndReceived_TotalsAndHistoryRight()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var url = $"/admin/campaigns/{campaign.Id}/drive";

        var need = await organizer.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Need.Item"] = "Nappies size 2",
            ["Need.Unit"] = "nappies",
            ["Need.Quantity"] = "300",
            ["Need.Period"] = "Total",
        }, url + "?handler=Need");
        var point = await organizer.SubmitAsync(url, AllWeek(new Dictionary<string, string>
        {
            ["Point.Name"] = "Centre",
            ["Point.Address"] = "1 Brivibas iela",
            ["Point.City"] = "Riga",
            ["Point.Notes"] = "Ring twice",
        }), url + "?handler=Point");
        Assert.True(need.StatusCode == HttpStatusCode.Redirect, host.Errors.ToString());
        Assert.True(point.StatusCode == HttpStatusCode.Redirect, host.Errors.ToString());
        var drive = await host.Data.QueryAsync(db => db.Drives.AsNoTracking().Include(d => d.Needs).Include(d => d.Points).SingleAsync(d => d.CampaignId == campaign.Id));

        var page = Html.Text(await (await host.Browser().GetAsync($"/c/{campaign.Slug}")).Content.ReadAsStringAsync());
        Assert.Contains("Nappies size 2", page);
        Assert.Contains($"/c/{campaign.Slug}/bring?need={drive.Needs[0].Id}", page);

        var email = Mailbox.UniqueAddress("liga");
        var pledged = await host.Browser().SubmitAsync($"/c/{campaign.Slug}/bring", Pledge(drive, "40", email));
        Assert.Equal(HttpStatusCode.Redirect, pledged.StatusCode);
        var code = CodePattern().Match(pledged.Headers.Location!.OriginalString).Groups[1].Value;
        var confirmation = Html.Text(await (await host.Browser().GetAsync(pledged.Headers.Location!.OriginalString)).Content.ReadAsStringAsync());
        Assert.Contains("Centre", confirmation);
        Assert.Contains("Ring twice", confirmation);
        Assert.Contains($"/pledges/{code}/qr.svg", confirmation);
        var qr = await host.Browser().GetAsync($"/pledges/{code}/qr.svg");
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync());

        // The reception desk finds the pledge by name, and a scanned code opens it.
        var found = Html.Text(await (await organizer.GetAsync($"/admin/drives/{drive.Id}/reception?q=ozol")).Content.ReadAsStringAsync());
        Assert.Contains($"/admin/pledges/{code}", found);
        var scanned = await organizer.GetAsync($"/admin/drives/{drive.Id}/reception?q={code}");
        Assert.Equal($"/admin/pledges/{code}", scanned.Headers.Location?.OriginalString);

        var pledgeUrl = $"/admin/pledges/{code}";
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.SubmitAsync(pledgeUrl, new Dictionary<string, string> { ["Quantity"] = "40" }, pledgeUrl + "?handler=Receive")).StatusCode);
        var first = await host.Data.QueryAsync(db => db.DriveReceptions.AsNoTracking().SingleAsync(r => r.DriveId == drive.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.SubmitAsync(pledgeUrl, new Dictionary<string, string> { ["Quantity"] = "36", ["LineId"] = first.Id.ToString() }, pledgeUrl + "?handler=Correct")).StatusCode);
        var again = await organizer.SubmitAsync(pledgeUrl, new Dictionary<string, string> { ["Quantity"] = "1", ["LineId"] = first.Id.ToString() }, pledgeUrl + "?handler=Correct");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var walkIn = await organizer.SubmitAsync($"/admin/drives/{drive.Id}/reception", new Dictionary<string, string> { ["NeedId"] = drive.Needs[0].Id.ToString(), ["Quantity"] = "10" }, $"/admin/drives/{drive.Id}/reception?handler=WalkIn");
        Assert.Equal(HttpStatusCode.Redirect, walkIn.StatusCode);

        var history = await host.Data.QueryAsync(db => db.DriveReceptions.AsNoTracking().Where(r => r.DriveId == drive.Id).ToListAsync());
        var stored = await host.Data.QueryAsync(db => db.DriveNeeds.AsNoTracking().SingleAsync(n => n.Id == drive.Needs[0].Id));
        var pledge = await host.Data.QueryAsync(db => db.ItemPledges.AsNoTracking().SingleAsync(p => p.Code == code));
        Assert.Equal(3, history.Count);
        Assert.Equal((40L, 46L), (stored.PledgedQuantity, stored.ReceivedQuantity));
        Assert.Equal(46, DriveRules.EffectiveTotal(history));
        Assert.Equal((36L, PledgeStatus.PartlyReceived), (pledge.ReceivedQuantity, pledge.Status));
        Assert.All(history, h => Assert.Equal(organization.OrganizerEmail, h.RecordedBy));
        Assert.Equal(drive.Id, await host.Data.QueryAsync(db => db.Activities.Where(a => a.SupporterId == pledge.SupporterId && a.Type == ActivityType.Pledged).Select(a => a.ActionId).SingleAsync()));

        await using var scope = host.Services.CreateAsyncScope();
        var outcomes = await scope.ServiceProvider.GetServices<Relais.Web.Giving.ICampaignOutcomeSource>().OfType<DriveOutcomes>().Single().ForCampaignsAsync(organization.Id, [campaign.Id], CancellationToken.None);
        Assert.Equal(1, outcomes.Single(o => o.Label == DriveOutcomes.PeopleLabel).Figure);
        Assert.Equal((46L, "Nappies size 2 (nappies)"), outcomes.Where(o => o.Label == DriveOutcomes.ReceivedLabel).Select(o => (o.Figure, o.Detail)).Single());
    }

    [Theory]
    [InlineData("0", null, "at least 1")]
    [InlineData("-4", null, "at least 1")]
    [InlineData("5000000", null, "100,000 at most")]
    [InlineData("douze", null, "whole number")]
    [InlineData("12", "past", "has passed")]
    [InlineData("12", "closed", "closed that day")]
    [InlineData("12", "need", "items needed")]
    public async Task Pledge_BadInput_400AndNothingWritten(string quantity, string? twist, string message)
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var drive = await DriveAsync(organization.Id, campaign.Id, wanted: 100, hours: twist == "closed" ? "Mon 09:00-12:00" : null);
        var fields = Pledge(drive, quantity, Mailbox.UniqueAddress());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (twist == "past")
        {
            fields["Form.Date"] = today.AddDays(-1).ToString("yyyy-MM-dd");
        }
        else if (twist == "closed")
        {
            fields["Form.Date"] = Enumerable.Range(1, 7).Select(i => today.AddDays(i)).First(d => d.DayOfWeek != DayOfWeek.Monday).ToString("yyyy-MM-dd");
        }
        else if (twist == "need")
        {
            fields["Form.NeedId"] = Guid.NewGuid().ToString();
        }

        var response = await host.Browser().SubmitAsync($"/c/{campaign.Slug}/bring", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.False(await host.Data.QueryAsync(db => db.ItemPledges.AnyAsync(p => p.DriveId == drive.Id)));
        Assert.Equal(0, await host.Data.SupportersAsync(organization.Id));
        Assert.Equal(0L, await host.Data.QueryAsync(db => db.DriveNeeds.Where(n => n.DriveId == drive.Id).Select(n => n.PledgedQuantity).SingleAsync()));
    }

    [Fact]
    public async Task Pledge_BadInputInFrench_FrenchMessage()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var drive = await DriveAsync(organization.Id, campaign.Id, wanted: 100);

        var response = await host.Browser("fr").SubmitAsync($"/c/{campaign.Slug}/bring", Pledge(drive, "0", Mailbox.UniqueAddress()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("au moins 1", Html.Text(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Pledge_BeyondTheNeed_AcceptedFlaggedAndToldKindly()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var drive = await DriveAsync(organization.Id, campaign.Id, wanted: 50);

        var within = await host.Browser().SubmitAsync($"/c/{campaign.Slug}/bring", Pledge(drive, "30", Mailbox.UniqueAddress()));
        var beyond = await host.Browser().SubmitAsync($"/c/{campaign.Slug}/bring", Pledge(drive, "30", Mailbox.UniqueAddress()));

        Assert.Equal(HttpStatusCode.Redirect, beyond.StatusCode);
        var pledges = await host.Data.QueryAsync(db => db.ItemPledges.AsNoTracking().Where(p => p.DriveId == drive.Id).OrderBy(p => p.CreatedAt).ToListAsync());
        Assert.Equal([false, true], pledges.Select(p => p.IsBeyondNeed));
        Assert.Equal(60L, await host.Data.QueryAsync(db => db.DriveNeeds.Where(n => n.DriveId == drive.Id).Select(n => n.PledgedQuantity).SingleAsync()));
        var page = Html.Text(await (await host.Browser().GetAsync(beyond.Headers.Location!.OriginalString)).Content.ReadAsStringAsync());
        Assert.Contains("your gift is welcome", page);
        Assert.DoesNotContain("your gift is welcome", Html.Text(await (await host.Browser().GetAsync(within.Headers.Location!.OriginalString)).Content.ReadAsStringAsync()));
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);
        Assert.Contains("beyond the need", Html.Text(await (await organizer.GetAsync($"/admin/drives/{drive.Id}/pledges")).Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Reminder_RunTwice_SentOnceInThePledgersLanguage()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var drive = await DriveAsync(organization.Id, campaign.Id, wanted: 50);
        var email = Mailbox.UniqueAddress("reminded");
        await host.Browser("fr").SubmitAsync($"/c/{campaign.Slug}/bring", Pledge(drive, "5", email));
        var reminders = host.Services.GetRequiredService<DriveReminders>();

        await Task.WhenAll(reminders.RunDueAsync(CancellationToken.None), reminders.RunDueAsync(CancellationToken.None));
        await reminders.RunDueAsync(CancellationToken.None);

        var folder = Path.Combine(host.DataFolder, "mail");
        var message = await Mailbox.WaitForAsync(folder, email, "Rappel");
        Assert.Contains("Centre", message.Text);
        Assert.Contains("/bring/", message.Text);
        await Task.Delay(1_500);
        // One reminder; the pledge's thank-you is another email.
        Assert.Equal(1, Mailbox.FindAll(folder, email).Count(m => m.Holds("Rappel")));
        Assert.NotNull(await host.Data.QueryAsync(db => db.ItemPledges.Where(p => p.DriveId == drive.Id).Select(p => p.ReminderSentAt).SingleAsync()));
        Assert.Equal(1, await host.Data.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.OrganizationId == organization.Id && m.Kind == DriveReminders.Kind)));
    }

    [Fact]
    public async Task OtherOrganization_ReadOrRecord_NotFoundAndNothingWritten()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var drive = await DriveAsync(organization.Id, campaign.Id, wanted: 50);
        var pledged = await host.Browser().SubmitAsync($"/c/{campaign.Slug}/bring", Pledge(drive, "5", Mailbox.UniqueAddress()));
        var code = CodePattern().Match(pledged.Headers.Location!.OriginalString).Groups[1].Value;
        var other = await host.Data.OrganizationAsync();
        var stranger = await host.Browser().LoginAsync(other.OrganizerEmail);
        var mine = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var mineResponse = await mine.GetAsync($"/admin/pledges/{code}");
        Assert.True(mineResponse.StatusCode == HttpStatusCode.OK, host.Errors.ToString());

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/admin/pledges/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/admin/drives/{drive.Id}/reception")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/admin/drives/{drive.Id}/pledges")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/admin/campaigns/{campaign.Id}/drive")).StatusCode);
        var theirs = await host.Data.CampaignAsync(other.Id);
        var strangerToken = await stranger.TokenAsync($"/admin/campaigns/{theirs.Id}/drive");
        var receive = await stranger.PostAsync($"/admin/pledges/{code}?handler=Receive", new FormUrlEncodedContent(new Dictionary<string, string> { ["Quantity"] = "5", ["__af"] = strangerToken }));
        var walkIn = await stranger.PostAsync($"/admin/drives/{drive.Id}/reception?handler=WalkIn", new FormUrlEncodedContent(new Dictionary<string, string> { ["NeedId"] = drive.Needs[0].Id.ToString(), ["Quantity"] = "5", ["__af"] = strangerToken }));
        Assert.Equal(HttpStatusCode.NotFound, receive.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, walkIn.StatusCode);
        Assert.False(await host.Data.QueryAsync(db => db.DriveReceptions.AnyAsync(r => r.DriveId == drive.Id)));
    }

    [Fact]
    public async Task HostileText_ItemAndPointNames_Encoded()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        const string hostile = "<script>alert(1)</script>";
        var drive = await DriveAsync(organization.Id, campaign.Id, wanted: 50, item: hostile);

        var page = await (await host.Browser().GetAsync($"/c/{campaign.Slug}")).Content.ReadAsStringAsync();
        var form = await (await host.Browser().GetAsync($"/c/{campaign.Slug}/bring")).Content.ReadAsStringAsync();

        Assert.DoesNotContain(hostile, page);
        Assert.DoesNotContain(hostile, form);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.Contains(hostile, Html.Text(form));
        Assert.Equal(hostile, await host.Data.QueryAsync(db => db.DriveNeeds.Where(n => n.DriveId == drive.Id).Select(n => n.Item).SingleAsync()));
    }

    private static Dictionary<string, string> AllWeek(Dictionary<string, string> fields)
    {
        for (var i = 0; i < 7; i++)
        {
            fields[$"Point.Hours[{i}]"] = "09:00-18:00";
        }
        return fields;
    }

    private static Dictionary<string, string> Pledge(Drive drive, string quantity, string email) => new()
    {
        ["Form.NeedId"] = drive.Needs[0].Id.ToString(),
        ["Form.Quantity"] = quantity,
        ["Form.PointId"] = drive.Points[0].Id.ToString(),
        ["Form.Date"] = Tomorrow,
        ["Form.FirstName"] = "Liga",
        ["Form.LastName"] = "Ozola",
        ["Form.Email"] = email,
        ["Form.Consent"] = "true",
    };

    private async Task<Drive> DriveAsync(Guid organizationId, Guid campaignId, int wanted, string? hours = null, string item = "Nappies")
    {
        var drive = new Drive { OrganizationId = organizationId, CampaignId = campaignId };
        drive.Needs.Add(new DriveNeed { OrganizationId = organizationId, DriveId = drive.Id, Item = item, Unit = "packs", QuantityWanted = wanted });
        drive.Points.Add(new DropOffPoint
        {
            OrganizationId = organizationId,
            DriveId = drive.Id,
            Name = "Centre",
            Address = "1 Brivibas iela",
            City = "Riga",
            OpeningHours = hours ?? "Mon 09:00-18:00\nTue 09:00-18:00\nWed 09:00-18:00\nThu 09:00-18:00\nFri 09:00-18:00\nSat 09:00-18:00\nSun 09:00-18:00",
        });
        await host.Data.QueryAsync(db =>
        {
            db.Drives.Add(drive);
            return db.SaveChangesAsync();
        });
        return drive;
    }
}

public sealed class DrivesOnSqlite(SqliteHost host) : DriveTests(host), IClassFixture<SqliteHost>;

public sealed class DrivesOnPostgres(PostgresHost host) : DriveTests(host), IClassFixture<PostgresHost>;
