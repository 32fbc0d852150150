using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Relais.Web.Tests.Admin;

public abstract class OrganizerTests(RelaisHost host)
{
    private static Dictionary<string, string> Canvas(string slug, string goal = "500") => new()
    {
        ["Input.Slug"] = slug,
        ["Input.Languages"] = "fr",
        ["Input.Deadline"] = "2031-03-01",
        ["Input.Hashtag"] = "sauvons",
        ["Input.HasPetition"] = "true",
        ["Input.PetitionGoal"] = goal,
        ["Input.Fr.Title"] = "Sauvons la bibliothèque",
        ["Input.Fr.Ask"] = "Que la mairie garde la bibliothèque ouverte le samedi",
        ["Input.Fr.Target"] = "Le maire",
        ["Input.Fr.TheoryOfChange"] = "Les élections approchent",
        ["Input.Fr.Base"] = "Les lecteurs",
        ["Input.Fr.Allies"] = "Les écoles",
        ["Input.Fr.CallToAction"] = "Signez",
        ["Input.Fr.Story"] = "Depuis **1950**…",
        ["Input.Fr.Hook"] = "Un samedi sans livres",
    };

    [Fact]
    public async Task Organizer_CreatesPublishesEditsAndUnpublishesACampaign_VisitorsSeeEachState()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var organizer = await host.Browser("fr").LoginAsync(organization.OrganizerEmail);
        var slug = "bibli-" + Guid.NewGuid().ToString("N")[..8];

        var created = await organizer.SubmitAsync("/admin/campaigns/new", Canvas(slug), "/admin/campaigns/new?handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString.Split('?')[0];
        var campaign = await host.Data.QueryAsync(db => db.Campaigns.Include(c => c.Texts).Include(c => c.Petition).SingleAsync(c => c.Slug == slug));
        Assert.Equal((organization.Id, false, "#sauvons", 500), (campaign.OrganizationId, campaign.IsPublished, campaign.Hashtag, campaign.Petition!.Goal));
        Assert.Equal("Le maire", campaign.Texts.Single(t => t.Language == "fr").Target);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Browser().GetAsync($"/c/{slug}")).StatusCode);
        var editor = Html.Text(await (await organizer.GetAsync(editUrl)).Content.ReadAsStringAsync());
        Assert.Contains("Les dix commandements sont respectés", editor);

        var published = await organizer.SubmitAsync(editUrl, [], editUrl + "?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await host.Browser("fr").GetAsync($"/c/{slug}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<strong>1950</strong>", await page.Content.ReadAsStringAsync());

        var edit = Canvas(slug, goal: "800");
        edit["Input.Fr.Title"] = "Sauvons la médiathèque";
        await organizer.SubmitAsync(editUrl, edit, editUrl + "?handler=Save");
        Assert.Contains("Sauvons la médiathèque", await (await host.Browser("fr").GetAsync($"/c/{slug}")).Content.ReadAsStringAsync());
        Assert.Equal(800, await host.Data.QueryAsync(db => db.Petitions.Where(p => p.CampaignId == campaign.Id).Select(p => p.Goal).SingleAsync()));

        await organizer.SubmitAsync(editUrl, [], editUrl + "?handler=Unpublish");
        Assert.Equal(HttpStatusCode.NotFound, (await host.Browser().GetAsync($"/c/{slug}")).StatusCode);
    }

    [Fact]
    public async Task Organizer_SavesAnInvalidCanvas_Gets400WithReasonsAndNothingChanges()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var existing = await host.Data.CampaignAsync(organization.Id);
        var organizer = await host.Browser("en").LoginAsync(organization.OrganizerEmail);
        var before = await host.Data.QueryAsync(db => db.Campaigns.CountAsync());

        var takenSlug = await organizer.SubmitAsync("/admin/campaigns/new", Canvas(existing.Slug), "/admin/campaigns/new?handler=Save");
        var invalid = Canvas("Not A Slug!", goal: "0");
        invalid["Input.Fr.Title"] = "";
        invalid["Input.Fr.Story"] = new string('s', 20_001);
        var badFields = await organizer.SubmitAsync("/admin/campaigns/new", invalid, "/admin/campaigns/new?handler=Save");

        Assert.Equal(HttpStatusCode.BadRequest, takenSlug.StatusCode);
        Assert.Contains("Another campaign already uses this address.", Html.Text(await takenSlug.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, badFields.StatusCode);
        var text = Html.Text(await badFields.Content.ReadAsStringAsync());
        Assert.Contains("Use lower-case letters, digits and dashes only", text);
        Assert.Contains("Give a goal between 1 and 100,000,000 signatures.", text);
        Assert.Contains("This field is required.", text);
        Assert.Contains("This is too long.", text);
        Assert.Contains("Les élections approchent", text);
        Assert.Equal(before, await host.Data.QueryAsync(db => db.Campaigns.CountAsync()));
    }

    [Fact]
    public async Task Organizer_UploadsAHookImage_ServedAndShownInLinkPreviews_ButATextFileIsRefused()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var organizer = await host.Browser("en").LoginAsync(organization.OrganizerEmail);
        var editUrl = $"/admin/campaigns/{campaign.Id}/edit";
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

        async Task<HttpResponseMessage> Upload(byte[] bytes, string name)
        {
            var token = await organizer.TokenAsync(editUrl);
            var form = new MultipartFormDataContent { { new StringContent(token), "__af" } };
            foreach (var (key, value) in Canvas(campaign.Slug))
            {
                form.Add(new StringContent(value, Encoding.UTF8), key);
            }
            form.Add(new ByteArrayContent(bytes), "HookImage", name);
            return await organizer.PostAsync(editUrl + "?handler=Save", form);
        }

        var refused = await Upload("<svg onload=alert(1)>"u8.ToArray(), "evil.png");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The image must be a PNG, JPEG, GIF or WebP file", Html.Text(await refused.Content.ReadAsStringAsync()));

        var accepted = await Upload(png, "hook.png");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var imageId = await host.Data.QueryAsync(db => db.Campaigns.Where(c => c.Id == campaign.Id).Select(c => c.HookImageId).SingleAsync());
        Assert.NotNull(imageId);
        var image = await host.Browser().GetAsync($"/images/{imageId}");
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await image.Content.ReadAsByteArrayAsync());
        await Task.Delay(Relais.Web.Campaigns.CampaignPages.Freshness);
        var page = await (await host.Browser().GetAsync($"/c/{campaign.Slug}")).Content.ReadAsStringAsync();
        Assert.Contains($"<meta property=\"og:image\" content=\"http://localhost:5080/images/{imageId}\">", page);
    }

    [Fact]
    public async Task Signers_PagedSearchableAndExportedAsCsvForFrenchExcel()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        for (var i = 0; i < 55; i++)
        {
            await host.Browser().SignAsync(campaign.Slug, Forms.Signature($"person{i:00}@example.org", $"Person{i:00}"));
        }
        var formula = Forms.Signature("formula@example.org", "=HYPERLINK(\"http://evil.example\")");
        formula["Form.LastName"] = "Lefèvre; \"Zoé\"";
        await host.Browser().SignAsync(campaign.Slug, formula);
        var organizer = await host.Browser("fr").LoginAsync(organization.ViewerEmail);

        var first = Html.Text(await (await organizer.GetAsync($"/admin/campaigns/{campaign.Id}/signers")).Content.ReadAsStringAsync());
        var second = Html.Text(await (await organizer.GetAsync($"/admin/campaigns/{campaign.Id}/signers?p=2")).Content.ReadAsStringAsync());
        var search = Html.Text(await (await organizer.GetAsync($"/admin/campaigns/{campaign.Id}/signers?q=PERSON07")).Content.ReadAsStringAsync());
        var csv = await organizer.GetAsync($"/admin/campaigns/{campaign.Id}/signers.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();

        Assert.Contains("56 signataires", first);
        Assert.Contains("Page 1 sur 2", first);
        Assert.Contains("Page 2 sur 2", second);
        Assert.Contains("person07@example.org", search);
        Assert.DoesNotContain("person08@example.org", search);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(57, lines.Length);
        Assert.StartsWith("prenom;nom;email;code_postal;pays;langue;commentaire;signe_le_utc", lines[0]);
        var row = lines.Single(l => l.Contains("formula@example.org"));
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://evil.example\"\")\";\"Lefèvre; \"\"Zoé\"\"\";formula@example.org;75011;FR;en;", row);
    }

    [Fact]
    public async Task Viewer_CanReadButNotCreateEditOrPublish()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id, published: false);
        var viewer = await host.Browser().LoginAsync(organization.ViewerEmail);
        var editUrl = $"/admin/campaigns/{campaign.Id}/edit";

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(editUrl)).StatusCode);
        var publish = await viewer.SubmitAsync(editUrl, [], editUrl + "?handler=Publish");
        var create = await viewer.GetAsync("/admin/campaigns/new");

        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.StartsWith("/admin/denied", publish.Headers.Location?.AbsolutePath);
        Assert.StartsWith("/admin/denied", create.Headers.Location?.AbsolutePath);
        Assert.False(await host.Data.QueryAsync(db => db.Campaigns.Where(c => c.Id == campaign.Id).Select(c => c.IsPublished).SingleAsync()));
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var browser = host.Browser("en");
        for (var i = 0; i < 5; i++)
        {
            var wrong = await browser.SubmitAsync("/admin/login", new Dictionary<string, string> { ["Email"] = organization.OrganizerEmail, ["Password"] = "not the right password" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var right = await browser.SubmitAsync("/admin/login", new Dictionary<string, string> { ["Email"] = organization.OrganizerEmail.ToUpperInvariant(), ["Password"] = TestData.Password });

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("this account is locked for 15 minutes", Html.Text(await right.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Login_RightPasswordAnyCase_OpensTheDashboard_AndShortPasswordsAreRefused()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var browser = host.Browser("en");

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
        await browser.LoginAsync("  " + organization.OrganizerEmail.ToUpperInvariant());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);

        var tooShort = await host.Data.QueryAsync(async _ =>
        {
            using var scope = host.Services.CreateScope();
            var accounts = scope.ServiceProvider.GetRequiredService<Relais.Web.Members.MemberAccounts>();
            return await accounts.CreateAsync("short@example.org", organization.Id, Relais.Organizations.MemberRole.Organizer, "elevenchars");
        });
        Assert.False(tooShort.Succeeded);
    }
}

public sealed class OrganizerOnSqlite(SqliteHost host) : OrganizerTests(host), IClassFixture<SqliteHost>;

public sealed class OrganizerOnPostgres(PostgresHost host) : OrganizerTests(host), IClassFixture<PostgresHost>;
