using System.Net;
using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Channels;
using Relais.Consents;
using Relais.Groups;
using Relais.Ladder;
using Relais.Tags;
using static Relais.Web.Tests.Supporters.SupporterArrange;

namespace Relais.Web.Tests.Supporters;

/// <summary>The profile, the list, editing and tagging, through HTTP.</summary>
public abstract class SupporterProfileTests(RelaisHost host)
{
    [Fact]
    public async Task Profile_AfterSignatureAndActivity_ShowsEverything()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var email = Unique("profile");
        var supporter = await SignedAsync(host, organization, campaign, email, "Pour la bibliothèque");
        var now = DateTimeOffset.UtcNow;
        await ChangeAsync(host, async db =>
        {
            var group = new LocalGroup { OrganizationId = organization.Id, Name = "Lyon chapter" };
            var channel = new Channel { OrganizationId = organization.Id, Name = "Press corner", Slug = "press" };
            var tag = new Tag { OrganizationId = organization.Id, Name = "Volunteer", NormalizedName = "volunteer" };
            db.AddRange(group, channel, tag);
            db.Add(new GroupMembership { GroupId = group.Id, SupporterId = supporter.Id, OrganizationId = organization.Id, Role = GroupRole.Leader });
            db.Add(new ChannelMembership { ChannelId = channel.Id, SupporterId = supporter.Id, OrganizationId = organization.Id, Source = "choice" });
            db.Add(new SupporterTag { SupporterId = supporter.Id, TagId = tag.Id, OrganizationId = organization.Id });
            await db.EnsureAsync(organization.Id, TestContext.Current.CancellationToken);
            db.Add(new LadderMove { OrganizationId = organization.Id, SupporterId = supporter.Id, FromRank = 0, ToRank = 2, Reason = "signed a petition" });
            db.Add(new Activity { OrganizationId = organization.Id, SupporterId = supporter.Id, Type = ActivityType.Shared, CampaignId = campaign.Id, OccurredAt = now.AddMinutes(1) });
            db.Add(new Activity { OrganizationId = organization.Id, SupporterId = supporter.Id, Type = ActivityType.Shared, OccurredAt = now.AddMinutes(2) });
            db.Add(new Activity { OrganizationId = organization.Id, SupporterId = supporter.Id, Type = ActivityType.Referred, OccurredAt = now.AddMinutes(3) });
            db.Add(new Consent
            {
                OrganizationId = organization.Id,
                SupporterId = supporter.Id,
                Purpose = ConsentPurposes.EmailUpdates,
                Granted = true,
                AwaitingConfirmation = true,
                Wording = "Send me news (v7)",
                WordingVersion = 7,
                Source = "preferences",
                RecordedAt = now.AddMinutes(4),
            });
            var stored = await db.Supporters.SingleAsync(s => s.Id == supporter.Id);
            stored.LadderRank = 2;
            // Placed by hand: the ladder job must leave the arranged rank alone.
            stored.LadderEvaluatedAt = now.AddYears(10);
            stored.EmailConsent = EmailConsentState.Pending;
        });
        var browser = await host.Browser().LoginAsync(organization.ViewerEmail);

        var response = await browser.GetAsync($"/admin/supporters/{supporter.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Text(await response.Content.ReadAsStringAsync());
        foreach (var expected in new[]
        {
            email, "Ana", "Martin", "75011", "France", "Volunteer", "Lyon chapter", "leader", "Press corner", "choice",
            "Level: Participant", "signed a petition", "Relay statistics: 2 shares, 1 people referred.",
            $"Title {campaign.Slug}", "Pour la bibliothèque", "Signed", "Shared", "Referred someone", "4 activities",
            $"I agree ({organization.Slug})", $"petition:{campaign.PetitionId}", "Send me news (v7)", "granted, awaiting confirmation",
            "awaiting confirmation",
        })
        {
            Assert.Contains(expected, page);
        }
        // Ledger newest first: the email-updates grant was recorded after the signature's consent.
        Assert.True(page.IndexOf("Send me news (v7)", StringComparison.Ordinal) < page.IndexOf($"I agree ({organization.Slug})", StringComparison.Ordinal));
        // A viewer reads, but is offered no action.
        Assert.DoesNotContain("handler=Tag", page);

        var list = Html.Text(await (await browser.GetAsync($"/admin/supporters?q={Uri.EscapeDataString(email[..12])}")).Content.ReadAsStringAsync());
        Assert.Contains(email, list);
        Assert.Contains("Participant", list);
        Assert.Contains("1 supporters", list);
        var french = Html.Text(await (await (await host.Browser("fr").LoginAsync(organization.ViewerEmail)).GetAsync($"/admin/supporters/{supporter.Id}")).Content.ReadAsStringAsync());
        Assert.Contains("Participant", french);
        Assert.Contains("Historique", french);
    }

    [Fact]
    public async Task List_ErasedSupporter_ShownAsErasedWithoutData()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var supporter = await SignedAsync(host, organization, campaign, Unique("gone"));
        await ChangeAsync(host, async db =>
        {
            var stored = await db.Supporters.SingleAsync(s => s.Id == supporter.Id);
            stored.ErasedAt = DateTimeOffset.UtcNow;
            stored.Email = stored.NormalizedEmail = $"erased-{stored.Id}";
            stored.FirstName = stored.LastName = "";
        });
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);

        var list = Html.Text(await (await browser.GetAsync("/admin/supporters")).Content.ReadAsStringAsync());
        var profile = await browser.GetAsync($"/admin/supporters/{supporter.Id}");
        var edit = await browser.GetAsync($"/admin/supporters/{supporter.Id}/edit");

        Assert.Contains(">erased<", list);
        Assert.DoesNotContain($"erased-{supporter.Id}", list);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("This supporter's data was erased", Html.Text(await profile.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }

    [Fact]
    public async Task Edit_BadInput_Answers400AndChangesNothing()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var supporter = await SignedAsync(host, organization, campaign, Unique("edited"));
        var other = await SignedAsync(host, organization, campaign, Unique("taken"));
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var url = $"/admin/supporters/{supporter.Id}/edit";
        Dictionary<string, string> Fields(string email, string firstName = "Ana") => new()
        {
            ["Input.Email"] = email,
            ["Input.FirstName"] = firstName,
            ["Input.LastName"] = "Martin",
            ["Input.PostalCode"] = "75011",
            ["Input.Country"] = "FR",
            ["Input.Language"] = "fr",
            ["Input.City"] = "",
            ["Input.Phone"] = "",
        };

        var invalid = await browser.SubmitAsync(url, Fields("not-an-email"));
        var tooLong = await browser.SubmitAsync(url, Fields(supporter.Email, new string('x', 101)));
        var duplicate = await browser.SubmitAsync(url, Fields("  " + other.Email.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("This email address does not look valid.", Html.Text(await invalid.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("This is too long.", Html.Text(await tooLong.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var offer = await duplicate.Content.ReadAsStringAsync();
        Assert.Contains("already has this email address. Merge the two records instead?", Html.Text(offer));
        Assert.Contains($"name=\"otherId\" value=\"{other.Id}\"", offer);
        var stored = await SupporterAsync(host, organization.Id, supporter.Email);
        Assert.Equal(("Ana", supporter.Email), (stored.FirstName, stored.Email));

        var hostile = await browser.SubmitAsync(url, Fields(supporter.Email, "<script>alert(1)</script>"));

        Assert.Equal(HttpStatusCode.Redirect, hostile.StatusCode);
        Assert.Equal("<script>alert(1)</script>", (await SupporterAsync(host, organization.Id, supporter.Email)).FirstName);
        var profile = await (await browser.GetAsync($"/admin/supporters/{supporter.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", profile);
        Assert.DoesNotContain("<script>alert(1)", profile);
    }

    [Fact]
    public async Task Edit_ValidFields_StoredAndShown()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var supporter = await SignedAsync(host, organization, campaign, Unique("moved"));
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var newEmail = Unique("Moved.Again");

        var response = await browser.SubmitAsync($"/admin/supporters/{supporter.Id}/edit", new Dictionary<string, string>
        {
            ["Input.Email"] = " " + newEmail + " ",
            ["Input.FirstName"] = "Zoé",
            ["Input.LastName"] = "Lefèvre",
            ["Input.PostalCode"] = "LV-1010",
            ["Input.City"] = "Rīga",
            ["Input.Country"] = "LV",
            ["Input.Language"] = "en",
            ["Input.Phone"] = "+371 2000 0000",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await host.Data.QueryAsync(db => db.Supporters.SingleAsync(s => s.Id == supporter.Id));
        Assert.Equal(
            (newEmail, newEmail.ToLowerInvariant(), "Zoé", "Lefèvre", "LV-1010", "Rīga", "LV", "en", "+371 2000 0000"),
            (stored.Email, stored.NormalizedEmail, stored.FirstName, stored.LastName, stored.PostalCode, stored.City, stored.Country, stored.Language, stored.Phone));
        var french = Html.Text(await (await (await host.Browser("fr").LoginAsync(organization.OrganizerEmail)).GetAsync($"/admin/supporters/{supporter.Id}")).Content.ReadAsStringAsync());
        Assert.Contains("Lettonie", french);
    }

    [Fact]
    public async Task TagAndUntag_Repeated_AreIdempotent()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var supporter = await SignedAsync(host, organization, campaign, Unique("tagged"));
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var url = $"/admin/supporters/{supporter.Id}";

        var first = await browser.SubmitAsync(url, new Dictionary<string, string> { ["TagName"] = "  Press " }, url + "?handler=Tag");
        var second = await browser.SubmitAsync(url, new Dictionary<string, string> { ["TagName"] = "PRESS" }, url + "?handler=Tag");
        var empty = await browser.SubmitAsync(url, new Dictionary<string, string> { ["TagName"] = " " }, url + "?handler=Tag");
        var tooLong = await browser.SubmitAsync(url, new Dictionary<string, string> { ["TagName"] = new string('t', 101) }, url + "?handler=Tag");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (empty.StatusCode, tooLong.StatusCode));
        var tag = await host.Data.QueryAsync(db => db.Tags.SingleAsync(t => t.OrganizationId == organization.Id));
        Assert.Equal(("Press", "press"), (tag.Name, tag.NormalizedName));
        Assert.Equal(1, await host.Data.QueryAsync(db => db.SupporterTags.CountAsync(t => t.SupporterId == supporter.Id)));
        Assert.Contains("Press", Html.Text(await (await browser.GetAsync(url)).Content.ReadAsStringAsync()));

        var untag = new Dictionary<string, string> { ["tagId"] = tag.Id.ToString() };
        var removed = await browser.SubmitAsync(url, untag, url + "?handler=Untag");
        var again = await browser.SubmitAsync(url, untag, url + "?handler=Untag");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (removed.StatusCode, again.StatusCode));
        Assert.Equal(0, await host.Data.QueryAsync(db => db.SupporterTags.CountAsync(t => t.SupporterId == supporter.Id)));
        Assert.Equal(1, await host.Data.QueryAsync(db => db.Tags.CountAsync(t => t.OrganizationId == organization.Id)));
    }

    [Fact]
    public async Task Viewer_CanReadButEveryPostIsRefused()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var supporter = await SignedAsync(host, organization, campaign, Unique("readonly"));
        var other = await SignedAsync(host, organization, campaign, Unique("readonly-other"));
        var viewer = await host.Browser().LoginAsync(organization.ViewerEmail);
        var url = $"/admin/supporters/{supporter.Id}";

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(url)).StatusCode);
        var posts = new[]
        {
            // The viewer's pages carry no action forms: the dashboard's logout form gives a valid token.
            await viewer.SubmitAsync("/admin", new Dictionary<string, string> { ["TagName"] = "sneaky" }, url + "?handler=Tag"),
            await viewer.SubmitAsync("/admin", new Dictionary<string, string> { ["MergeEmail"] = other.Email }, url + "?handler=Merge"),
            await viewer.SubmitAsync("/admin", new Dictionary<string, string> { ["Input.Email"] = "hijack@example.org", ["Input.Language"] = "fr" }, url + "/edit"),
            await viewer.SubmitAsync("/admin", new Dictionary<string, string> { ["Input.Name"] = "Sneaky group" }, "/admin/groups"),
            await viewer.SubmitAsync("/admin", new Dictionary<string, string> { ["Input.Name"] = "Sneaky channel" }, "/admin/channels"),
        };

        foreach (var post in posts)
        {
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.StartsWith("/admin/denied", post.Headers.Location?.AbsolutePath);
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(post.Headers.Location)).StatusCode);
        }
        Assert.False(await host.Data.QueryAsync(db => db.Tags.AnyAsync(t => t.OrganizationId == organization.Id)));
        Assert.False(await host.Data.QueryAsync(db => db.LocalGroups.AnyAsync(g => g.OrganizationId == organization.Id)));
        Assert.False(await host.Data.QueryAsync(db => db.Channels.AnyAsync(c => c.OrganizationId == organization.Id)));
        Assert.Equal(2, await host.Data.SupportersAsync(organization.Id));
        Assert.Equal(supporter.Email, (await SupporterAsync(host, organization.Id, supporter.Email)).Email);
    }
}

public sealed class SupporterProfileOnSqlite(SqliteHost host) : SupporterProfileTests(host), IClassFixture<SqliteHost>;

public sealed class SupporterProfileOnPostgres(PostgresHost host) : SupporterProfileTests(host), IClassFixture<PostgresHost>;
