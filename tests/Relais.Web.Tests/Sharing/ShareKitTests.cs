using System.Net;
using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Relays;
using Relais.Sharing;
using Relais.Supporters;

namespace Relais.Web.Tests.Sharing;

/// <summary>The share kit editor, and sharing from the thank-you page without JavaScript.</summary>
public abstract class ShareKitTests(RelaisHost host)
{
    private const string PublicUrl = "http://localhost:5080";

    private static string Editor(Guid campaignId) => $"/admin/campaigns/{campaignId}/share-kit";

    // Read raw: a mailto: or sms: address is not always a Uri that HttpClient parses back as written.
    private static string Location(HttpResponseMessage response) => response.Headers.NonValidated["Location"].ToString();

    private static Dictionary<string, string> Post(string network, string language, string text) =>
        new() { ["Network"] = network, ["Language"] = language, ["Text"] = text };

    [Fact]
    public async Task AddMoveDelete_ByOrganizer_KeepsTheKitInOrder()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var editor = Editor(campaign.Id);

        Assert.Equal(HttpStatusCode.Redirect, (await organizer.SubmitAsync(editor, Post("x", "fr", "Premier <script>alert(1)</script>"), editor + "?handler=Add")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.SubmitAsync(editor, Post("x", "fr", "Second"), editor + "?handler=Add")).StatusCode);
        var second = await host.Data.QueryAsync(db => db.ShareKitPosts.SingleAsync(p => p.CampaignId == campaign.Id && p.Text == "Second"));
        await organizer.SubmitAsync(editor, [], editor + $"?handler=Move&post={second.Id}&direction=up");
        var page = await (await organizer.GetAsync(editor)).Content.ReadAsStringAsync();

        var posts = await host.Data.QueryAsync(db => db.ShareKitPosts.Where(p => p.CampaignId == campaign.Id).OrderBy(p => p.Position).ToListAsync());
        Assert.Equal(["Second", "Premier <script>alert(1)</script>"], posts.Select(p => p.Text));
        Assert.All(posts, p => Assert.Equal((organization.Id, campaign.PetitionId, "x", "fr"), (p.OrganizationId, p.ActionId, p.Network, p.Language)));
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.Contains("&lt;script&gt;alert(1)", page);

        await organizer.SubmitAsync(editor, new Dictionary<string, string> { ["Text"] = "Second, revu" }, editor + $"?handler=Update&post={second.Id}");
        await organizer.SubmitAsync(editor, [], editor + $"?handler=Delete&post={posts[1].Id}");
        var left = await host.Data.QueryAsync(db => db.ShareKitPosts.Where(p => p.CampaignId == campaign.Id).Select(p => p.Text).ToListAsync());
        Assert.Equal(["Second, revu"], left);
    }

    [Fact]
    public async Task CampaignAdminPage_LinksTheShareKitAndTheQrCodes()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var viewer = await host.Browser().LoginAsync(organization.ViewerEmail);

        var page = await (await viewer.GetAsync($"/admin/campaigns/{campaign.Id}/edit")).Content.ReadAsStringAsync();

        Assert.Contains($"href=\"{Editor(campaign.Id)}\"", page);
        Assert.Contains($"href=\"/c/{campaign.Slug}/qr.png\"", page);
        Assert.Contains($"href=\"/c/{campaign.Slug}/qr.svg\"", page);
    }

    [Theory]
    [InlineData("myspace", "Bonjour", "Choisissez un des réseaux de la liste.")]
    [InlineData("x", "   ", "Écrivez le texte du message.")]
    [InlineData("x", null, "Le message est trop long pour X : 281 caractères avec le lien, 280 au plus.")]
    public async Task Add_BadPost_Returns400InTheOrganizersLanguageAndSavesNothing(string network, string? text, string message)
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var organizer = await host.Browser("fr").LoginAsync(organization.OrganizerEmail);
        var editor = Editor(campaign.Id);

        var response = await organizer.SubmitAsync(editor, Post(network, "fr", text ?? new string('é', 280 - 23)), editor + "?handler=Add");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await host.Data.QueryAsync(db => db.ShareKitPosts.CountAsync(p => p.CampaignId == campaign.Id)));
    }

    [Fact]
    public async Task Update_TooLong_Returns400AndKeepsTheText()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var editor = Editor(campaign.Id);
        await organizer.SubmitAsync(editor, Post("sms", "en", "Sign this"), editor + "?handler=Add");
        var post = await host.Data.QueryAsync(db => db.ShareKitPosts.SingleAsync(p => p.CampaignId == campaign.Id));

        var response = await organizer.SubmitAsync(editor, new Dictionary<string, string> { ["Text"] = new string('a', 300) }, editor + $"?handler=Update&post={post.Id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The post is too long for SMS", Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal("Sign this", await host.Data.QueryAsync(db => db.ShareKitPosts.Where(p => p.Id == post.Id).Select(p => p.Text).SingleAsync()));
    }

    [Fact]
    public async Task Add_ByViewer_IsDenied()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var viewer = await host.Browser().LoginAsync(organization.ViewerEmail);
        var editor = Editor(campaign.Id);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(editor)).StatusCode);
        // A viewer's kit page has no form: the token comes from the campaign page they may read.
        var response = await viewer.SubmitAsync($"/admin/campaigns/{campaign.Id}/edit", Post("x", "en", "Hello"), editor + "?handler=Add");

        Assert.StartsWith("/admin/denied", response.Headers.Location?.AbsolutePath);
        Assert.Equal(0, await host.Data.QueryAsync(db => db.ShareKitPosts.CountAsync(p => p.CampaignId == campaign.Id)));
    }

    [Fact]
    public async Task OtherOrganizationsOrganizer_CannotSeeOrChangeTheKit()
    {
        host.SkipIfUnavailable();
        var victim = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(victim.Id);
        var owner = await host.Browser().LoginAsync(victim.OrganizerEmail);
        await owner.SubmitAsync(Editor(campaign.Id), Post("x", "en", "Victim's post"), Editor(campaign.Id) + "?handler=Add");
        var post = await host.Data.QueryAsync(db => db.ShareKitPosts.SingleAsync(p => p.CampaignId == campaign.Id));
        var intruder = await host.Data.OrganizationAsync();
        var ownCampaign = await host.Data.CampaignAsync(intruder.Id);
        var browser = await host.Browser().LoginAsync(intruder.OrganizerEmail);
        var own = Editor(ownCampaign.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(Editor(campaign.Id))).StatusCode);
        var add = await browser.SubmitAsync(own, Post("x", "en", "Hijack"), Editor(campaign.Id) + "?handler=Add");
        var update = await browser.SubmitAsync(own, new Dictionary<string, string> { ["Text"] = "Hijack" }, own + $"?handler=Update&post={post.Id}");
        var delete = await browser.SubmitAsync(own, [], own + $"?handler=Delete&post={post.Id}");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], [add.StatusCode, update.StatusCode, delete.StatusCode]);
        var texts = await host.Data.QueryAsync(db => db.ShareKitPosts.Where(p => p.CampaignId == campaign.Id || p.CampaignId == ownCampaign.Id).Select(p => p.Text).ToListAsync());
        Assert.Equal(["Victim's post"], texts);
    }

    [Fact]
    public async Task Thanks_ShowsTheKitInTheVisitorsLanguage()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var editor = Editor(campaign.Id);
        await organizer.SubmitAsync(editor, Post("whatsapp", "en", "Sign with me, it takes a minute"), editor + "?handler=Add");
        await organizer.SubmitAsync(editor, Post("whatsapp", "fr", "Signez avec moi, ça prend une minute"), editor + "?handler=Add");

        var english = Html.Text(await (await host.Browser("en").GetAsync($"/c/{campaign.Slug}/thanks")).Content.ReadAsStringAsync());
        var french = Html.Text(await (await host.Browser("fr").GetAsync($"/c/{campaign.Slug}/thanks")).Content.ReadAsStringAsync());

        Assert.Contains("Sign with me, it takes a minute", english);
        Assert.DoesNotContain("Signez avec moi", english);
        Assert.Contains("Signez avec moi, ça prend une minute", french);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("email")]
    [InlineData("mastodon")]
    public async Task Share_AfterSigning_RecordsTheShareAndRedirectsToTheNetwork(string network)
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var browser = host.Browser("fr");
        var email = $"relay-{Guid.NewGuid():N}@example.org";
        await browser.SignAsync(campaign.Slug, Forms.Signature(email));
        var supporter = await host.Data.QueryAsync(db => db.Supporters.Where(s => s.OrganizationId == organization.Id && s.NormalizedEmail == EmailAddress.Normalize(email)).Select(s => s.Id).SingleAsync());
        var text = "Élan & joie 🎉\n#palidzesim";
        var thanks = $"/c/{campaign.Slug}/thanks";

        var response = await browser.SubmitAsync(thanks, new Dictionary<string, string> { ["Network"] = network, ["Text"] = text, ["Instance"] = "Mastodon.Social" }, thanks + "?handler=Share");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var link = PublicUrl + RelayLinks.Path(campaign.Slug, supporter, network);
        Assert.Equal(ShareUrls.For(network, text, link, "Titre " + campaign.Slug, "mastodon.social"), Location(response));
        var share = await host.Data.QueryAsync(db => db.Activities.SingleAsync(a => a.SupporterId == supporter && a.Type == ActivityType.Shared));
        Assert.Equal((network, campaign.Id, campaign.PetitionId, organization.Id), (share.Source, share.CampaignId, share.ActionId, share.OrganizationId));
    }

    [Fact]
    public async Task Record_WithJavaScript_Answers204AndRecordsTheNetwork()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var browser = host.Browser();
        await browser.SignAsync(campaign.Slug, Forms.Signature($"js-{Guid.NewGuid():N}@example.org"));
        var thanks = $"/c/{campaign.Slug}/thanks";

        var response = await browser.SubmitAsync(thanks, new Dictionary<string, string> { ["Network"] = "whatsapp", ["Text"] = "Hi" }, thanks + "?handler=Record");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["whatsapp"], await host.Data.QueryAsync(db => db.Activities.Where(a => a.ActionId == campaign.PetitionId && a.Type == ActivityType.Shared).Select(a => a.Source).ToListAsync()));
    }

    [Theory]
    [InlineData("mastodon", "not a server", "Indiquez le nom de votre serveur Mastodon")]
    [InlineData("myspace", "", "Choisissez un des réseaux de la liste.")]
    public async Task Share_BadInput_Returns400InTheSupportersLanguageAndRecordsNothing(string network, string instance, string message)
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var browser = host.Browser("fr");
        await browser.SignAsync(campaign.Slug, Forms.Signature($"bad-{Guid.NewGuid():N}@example.org"));
        var thanks = $"/c/{campaign.Slug}/thanks";

        var response = await browser.SubmitAsync(thanks, new Dictionary<string, string> { ["Network"] = network, ["Text"] = "Hello", ["Instance"] = instance }, thanks + "?handler=Share");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await host.Data.QueryAsync(db => db.Activities.CountAsync(a => a.ActionId == campaign.PetitionId && a.Type == ActivityType.Shared)));
    }

    [Fact]
    public async Task Share_WithoutAKnownSigner_UsesTheCampaignLinkAndRecordsNothing()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var browser = host.Browser();
        var thanks = $"/c/{campaign.Slug}/thanks";

        var response = await browser.SubmitAsync(thanks, new Dictionary<string, string> { ["Network"] = "telegram", ["Text"] = "Look" }, thanks + "?handler=Share");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(ShareUrls.For("telegram", "Look", $"{PublicUrl}/c/{campaign.Slug}"), Location(response));
        Assert.Equal(0, await host.Data.QueryAsync(db => db.Activities.CountAsync(a => a.ActionId == campaign.PetitionId && a.Type == ActivityType.Shared)));
    }

    [Fact]
    public async Task Thanks_AllowsTheShareRedirectInItsFormActionPolicy()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);

        var response = await host.Browser().GetAsync($"/c/{campaign.Slug}/thanks");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("form-action 'self' https: mailto: sms:", policy);
        Assert.Contains("script-src 'self';", policy);
    }
}

public sealed class ShareKitOnSqlite(SqliteHost host) : ShareKitTests(host), IClassFixture<SqliteHost>;

public sealed class ShareKitOnPostgres(PostgresHost host) : ShareKitTests(host), IClassFixture<PostgresHost>;
