using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Channels;
using Relais.Consents;
using Relais.Groups;
using Relais.Ladder;
using Relais.Privacy;
using Relais.Supporters;
using Relais.Tags;

namespace Relais.Web.Tests.Privacy;

public abstract class DataRightsTests
{
    private readonly RelaisHost _host;

    protected DataRightsTests(RelaisHost host)
    {
        _host = host;
        Mailbox.UseSink(host);
    }

    [Fact]
    public async Task Export_Member_HoldsEverythingOnThePersonAndNothingAcrossOrganizations()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var other = await _host.Data.OrganizationAsync();
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        var signature = Forms.Signature("export@example.org").WithEmailUpdates();
        signature["Form.Comment"] = "Parce que <script>";
        await _host.Browser("fr").SignAsync(campaign.Slug, signature);
        var supporter = await _host.Data.SupporterAsync(organization.Id, "export@example.org");
        await ArrangeMembershipsAsync(organization.Id, supporter.Id);
        await WaitForLadderMoveAsync(supporter.Id);
        var viewer = await _host.Browser().LoginAsync(organization.ViewerEmail);

        var response = await viewer.GetAsync($"/admin/supporters/{supporter.Id}/export.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("export@example.org", root.GetProperty("supporter").GetProperty("email").GetString());
        Assert.Equal("Ana", root.GetProperty("supporter").GetProperty("firstName").GetString());
        Assert.Equal("75011", root.GetProperty("supporter").GetProperty("postalCode").GetString());
        var consents = root.GetProperty("consents").EnumerateArray().Select(c => c.GetProperty("purpose").GetString()).ToList();
        Assert.Equal([ConsentPurposes.EmailUpdates, ConsentPurposes.PetitionSignature], consents.Order().ToList());
        var activity = Assert.Single(root.GetProperty("activities").EnumerateArray());
        Assert.Equal(("Signed", $"Titre {campaign.Slug}", "Parce que <script>"),
            (activity.GetProperty("type").GetString(), activity.GetProperty("campaign").GetString(), activity.GetProperty("comment").GetString()));
        Assert.Equal(["volunteer"], root.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList());
        Assert.Equal("Lyon", Assert.Single(root.GetProperty("groups").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("Climat", Assert.Single(root.GetProperty("channels").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(2, Assert.Single(root.GetProperty("ladderMoves").EnumerateArray()).GetProperty("toRank").GetInt32());

        var stranger = await _host.Browser().LoginAsync(other.OrganizerEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/admin/supporters/{supporter.Id}/export.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _host.Browser().GetAsync($"/admin/supporters/{supporter.Id}/export.json")).StatusCode);
    }

    [Fact]
    public async Task SelfServiceExport_LinkFromEmail_DownloadsOnce()
    {
        _host.SkipIfUnavailable();
        Mailbox.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        var email = Mailbox.UniqueAddress("mydata");
        var browser = _host.Browser("en");
        await browser.SignAsync(campaign.Slug, Forms.Signature(email));

        await browser.AskForLinkAsync(organization.Slug, email, "export");
        var message = await Mailbox.WaitForContainingAsync(email, "/privacy/export/");
        var link = message.LinkPath("/privacy/export/");
        Assert.Contains("24 hours", message.Text);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).StatusCode);
        var download = await browser.SubmitAsync(link, []);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        Assert.Equal(email, json.RootElement.GetProperty("supporter").GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.Gone, (await browser.GetAsync(link)).StatusCode);
        var again = await browser.PostWithTokenFromAsync($"/o/{organization.Slug}/privacy", link);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.DoesNotContain(email, await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Erase_Confirmed_RemovesPersonalDataKeepsCountsAndSparesOtherOrganization()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var other = await _host.Data.OrganizationAsync();
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        var otherCampaign = await _host.Data.CampaignAsync(other.Id);
        var signature = Forms.Signature("Gone@Example.org").WithEmailUpdates();
        signature["Form.Comment"] = "Mon avis";
        await _host.Browser().SignAsync(campaign.Slug, signature);
        await _host.Browser().SignAsync(campaign.Slug, Forms.Signature("stays@example.org"));
        await _host.Browser().SignAsync(otherCampaign.Slug, Forms.Signature("gone@example.org").WithEmailUpdates());
        var supporter = await _host.Data.SupporterAsync(organization.Id, "gone@example.org");
        await ArrangeMembershipsAsync(organization.Id, supporter.Id);
        await WaitForLadderMoveAsync(supporter.Id);
        var organizer = await _host.Browser("en").LoginAsync(organization.OrganizerEmail);
        var url = $"/admin/supporters/{supporter.Id}/erase";

        var unconfirmed = await organizer.SubmitAsync(url, []);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Null((await _host.Data.SupporterAsync(organization.Id, "gone@example.org")).ErasedAt);
        var viewer = await _host.Browser().LoginAsync(organization.ViewerEmail);
        Assert.NotEqual(HttpStatusCode.OK, (await viewer.GetAsync(url)).StatusCode);
        var stranger = await _host.Browser().LoginAsync(other.OrganizerEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);

        var erased = await organizer.SubmitAsync(url, new Dictionary<string, string> { ["Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var after = await _host.Data.QueryAsync(db => db.Supporters.AsNoTracking().SingleAsync(s => s.Id == supporter.Id));
        Assert.NotNull(after.ErasedAt);
        Assert.Equal(Anonymization.ErasedEmail(supporter.Id), after.Email);
        Assert.Equal(after.Email, after.NormalizedEmail);
        Assert.Equal(("", "", null, null, null), (after.FirstName, after.LastName, after.PostalCode, after.Phone, after.City));
        Assert.Equal(EmailConsentState.None, after.EmailConsent);
        Assert.Equal(2, await _host.Data.StoredCountAsync(campaign.PetitionId));
        Assert.Equal(2, await _host.Data.SignaturesAsync(campaign.PetitionId));
        var activity = await _host.Data.QueryAsync(db => db.Activities.SingleAsync(a => a.SupporterId == supporter.Id));
        Assert.Null(activity.Comment);
        Assert.Equal(1, await _host.Data.QueryAsync(db => db.LadderMoves.CountAsync(m => m.SupporterId == supporter.Id)));
        Assert.Equal((0, 0, 0, 0, 0), await _host.Data.QueryAsync(async db => (
            await db.Consents.CountAsync(c => c.SupporterId == supporter.Id),
            await db.SupporterTags.CountAsync(t => t.SupporterId == supporter.Id),
            await db.GroupMemberships.CountAsync(m => m.SupporterId == supporter.Id),
            await db.ChannelMemberships.CountAsync(m => m.SupporterId == supporter.Id),
            await db.SupporterTokens.CountAsync(t => t.SupporterId == supporter.Id))));
        var suppressed = await _host.Data.QueryAsync(db => db.SuppressedEmails.SingleAsync(s => s.OrganizationId == organization.Id));
        Assert.Equal((SuppressedEmail.Hash("gone@example.org"), "erasure"), (suppressed.EmailHash, suppressed.Reason));

        var twin = await _host.Data.SupporterAsync(other.Id, "gone@example.org");
        Assert.Null(twin.ErasedAt);
        Assert.Equal(("Ana", EmailConsentState.Granted), (twin.FirstName, twin.EmailConsent));
        Assert.Equal(2, await _host.Data.QueryAsync(db => db.Consents.CountAsync(c => c.SupporterId == twin.Id)));
        Assert.False(await _host.Data.QueryAsync(db => db.SuppressedEmails.AnyAsync(s => s.OrganizationId == other.Id)));
        Assert.Null((await _host.Data.SupporterAsync(organization.Id, "stays@example.org")).ErasedAt);
    }

    [Fact]
    public async Task Retention_DryRunChangesNothingAndApplyAnonymizesOnlyTheOld()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var other = await _host.Data.OrganizationAsync();
        var now = DateTimeOffset.UtcNow;
        await _host.Data.QueryAsync(db =>
        {
            db.Supporters.AddRange(
                Person(organization.Id, "old1@example.org", now.AddMonths(-40)),
                Person(organization.Id, "old2@example.org", now.AddMonths(-37)),
                Person(organization.Id, "recent@example.org", now.AddMonths(-35)),
                Person(other.Id, "old-elsewhere@example.org", now.AddMonths(-50)));
            return db.SaveChangesAsync();
        });
        var organizer = await _host.Browser("en").LoginAsync(organization.OrganizerEmail);

        var dryRun = await (await organizer.GetAsync("/admin/privacy/retention")).Content.ReadAsStringAsync();

        Assert.Contains("data-due=\"2\"", dryRun);
        Assert.Contains("old1@example.org", dryRun);
        Assert.DoesNotContain("recent@example.org", dryRun);
        Assert.DoesNotContain("old-elsewhere@example.org", dryRun);
        Assert.False(await _host.Data.QueryAsync(db => db.Supporters.AnyAsync(s =>
            s.ErasedAt != null && (s.OrganizationId == organization.Id || s.OrganizationId == other.Id))));
        var viewer = await _host.Browser().LoginAsync(organization.ViewerEmail);
        Assert.NotEqual(HttpStatusCode.OK, (await viewer.GetAsync("/admin/privacy/retention")).StatusCode);

        var applied = await organizer.SubmitAsync("/admin/privacy/retention", []);

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var erased = await _host.Data.QueryAsync(db => db.Supporters
            .Where(s => s.ErasedAt != null && (s.OrganizationId == organization.Id || s.OrganizationId == other.Id))
            .Select(s => s.OrganizationId).ToListAsync());
        Assert.Equal([organization.Id, organization.Id], erased);
        Assert.Null((await _host.Data.SupporterAsync(organization.Id, "recent@example.org")).ErasedAt);
        Assert.Null((await _host.Data.SupporterAsync(other.Id, "old-elsewhere@example.org")).ErasedAt);
        var reasons = await _host.Data.QueryAsync(db => db.SuppressedEmails.Where(s => s.OrganizationId == organization.Id).Select(s => s.Reason).ToListAsync());
        Assert.Equal(["retention", "retention"], reasons);
        var page = await (await organizer.GetAsync(applied.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("data-due=\"0\"", page);
    }

    private static Supporter Person(Guid organizationId, string email, DateTimeOffset lastActive) => new()
    {
        OrganizationId = organizationId,
        Email = email,
        NormalizedEmail = email,
        FirstName = "Old",
        LastName = "Timer",
        CreatedAt = lastActive,
        LastActiveAt = lastActive,
    };

    /// <summary>Waits for the ladder job to place the signer, so that its moves no longer change under the test.</summary>
    private async Task WaitForLadderMoveAsync(Guid supporterId)
    {
        for (var waited = 0; waited < 300; waited++)
        {
            if (await _host.Data.QueryAsync(db => db.LadderMoves.AnyAsync(m => m.SupporterId == supporterId)))
            {
                return;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Fail("The ladder job did not place the signer within 30 s.");
    }

    private Task ArrangeMembershipsAsync(Guid organizationId, Guid supporterId) => _host.Data.QueryAsync(db =>
    {
        var tag = new Tag { OrganizationId = organizationId, Name = "volunteer", NormalizedName = "volunteer" };
        var group = new LocalGroup { OrganizationId = organizationId, Name = "Lyon" };
        var channel = new Channel { OrganizationId = organizationId, Name = "Climat", Slug = "climat-" + Guid.NewGuid().ToString("N")[..6] };
        db.AddRange(tag, group, channel);
        db.SupporterTags.Add(new SupporterTag { OrganizationId = organizationId, SupporterId = supporterId, TagId = tag.Id });
        db.GroupMemberships.Add(new GroupMembership { OrganizationId = organizationId, SupporterId = supporterId, GroupId = group.Id });
        db.ChannelMemberships.Add(new ChannelMembership { OrganizationId = organizationId, SupporterId = supporterId, ChannelId = channel.Id });
        db.SupporterTokens.Add(new SupporterToken
        {
            OrganizationId = organizationId,
            SupporterId = supporterId,
            Purpose = SupporterTokenPurpose.Preferences,
            TokenHash = SupporterToken.NewSecret().Hash,
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
        });
        return db.SaveChangesAsync();
    });
}

public sealed class DataRightsOnSqlite(SqliteHost host) : DataRightsTests(host), IClassFixture<SqliteHost>;

public sealed class DataRightsOnPostgres(PostgresHost host) : DataRightsTests(host), IClassFixture<PostgresHost>;
