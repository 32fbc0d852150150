using System.Net;
using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Consents;

namespace Relais.Web.Tests.Petitions;

public abstract class SigningTests(RelaisHost host)
{
    [Fact]
    public async Task Sign_ValidForm_StoresSupporterConsentAndActivityAndCounts()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var browser = host.Browser("fr-FR");

        var response = await browser.SignAsync(campaign.Slug, Forms.Signature("  Ana.Martin@Example.ORG ", "Ana"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/c/{campaign.Slug}/thanks", response.Headers.Location?.OriginalString);
        var supporter = await host.Data.QueryAsync(db => db.Supporters.SingleAsync(s => s.OrganizationId == organization.Id));
        Assert.Equal("ana.martin@example.org", supporter.NormalizedEmail);
        Assert.Equal("Ana.Martin@Example.ORG", supporter.Email);
        Assert.Equal(("Ana", "Martin", "75011", "FR", "fr"), (supporter.FirstName, supporter.LastName, supporter.PostalCode, supporter.Country, supporter.Language));
        var consent = await host.Data.QueryAsync(db => db.Consents.SingleAsync(c => c.SupporterId == supporter.Id));
        Assert.Equal(ConsentPurposes.PetitionSignature, consent.Purpose);
        Assert.True(consent.Granted);
        Assert.Equal($"J'accepte ({organization.Slug})", consent.Wording);
        Assert.Equal(3, consent.WordingVersion);
        Assert.Equal($"petition:{campaign.PetitionId}", consent.Source);
        Assert.False(await host.Data.QueryAsync(db => db.Consents.AnyAsync(c => c.Purpose == ConsentPurposes.EmailUpdates)));
        var activity = await host.Data.QueryAsync(db => db.Activities.SingleAsync(a => a.SupporterId == supporter.Id));
        Assert.Equal((ActivityType.Signed, campaign.PetitionId, campaign.Id), (activity.Type, activity.ActionId, activity.CampaignId));
        Assert.InRange(activity.OccurredAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(activity.OccurredAt, consent.RecordedAt);
        Assert.Equal(activity.OccurredAt, supporter.CreatedAt);
        Assert.Equal(1, await host.Data.StoredCountAsync(campaign.PetitionId));

        var thanks = await (await browser.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("Merci d'avoir signé", Html.Text(thanks));
        Assert.Contains("La mairie", thanks);
        var page = await (await browser.GetAsync($"/c/{campaign.Slug}")).Content.ReadAsStringAsync();
        Assert.Contains("<span data-count>1</span>", page);
    }

    [Fact]
    public async Task Sign_SameEmailInOtherCaseAndSpaces_SaysAlreadySignedAndStoresNothing()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var browser = host.Browser();
        await browser.SignAsync(campaign.Slug, Forms.Signature("lea@example.org"));

        var again = await browser.SignAsync(campaign.Slug, Forms.Signature("  LEA@Example.Org\t", "Léa"));

        Assert.Equal($"/c/{campaign.Slug}/thanks?already=1", again.Headers.Location?.OriginalString);
        var thanks = await (await browser.GetAsync(again.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("You already signed", thanks);
        Assert.Equal(1, await host.Data.SignaturesAsync(campaign.PetitionId));
        Assert.Equal(1, await host.Data.StoredCountAsync(campaign.PetitionId));
        Assert.Equal(1, await host.Data.SupportersAsync(organization.Id));
        Assert.Equal(1, await host.Data.QueryAsync(db => db.Consents.CountAsync(c => c.OrganizationId == organization.Id)));
    }

    [Fact]
    public async Task Sign_SamePersonOnTwoPetitions_OneSupporterTwoSignatures()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var first = await host.Data.CampaignAsync(organization.Id);
        var second = await host.Data.CampaignAsync(organization.Id);
        var browser = host.Browser();

        await browser.SignAsync(first.Slug, Forms.Signature("sam@example.org"));
        var response = await browser.SignAsync(second.Slug, Forms.Signature("Sam@example.org"));

        Assert.Equal($"/c/{second.Slug}/thanks", response.Headers.Location?.OriginalString);
        Assert.Equal(1, await host.Data.SupportersAsync(organization.Id));
        Assert.Equal((1, 1), (await host.Data.SignaturesAsync(first.PetitionId), await host.Data.SignaturesAsync(second.PetitionId)));
    }

    public static TheoryData<string, string, string, string> InvalidFields => new()
    {
        { "Form.FirstName", "", "This field is required.", "Ce champ est obligatoire." },
        { "Form.LastName", new string('x', 101), "This is too long.", "C'est trop long." },
        { "Form.Email", "not-an-email", "This email address does not look valid.", "Cette adresse e-mail ne semble pas valide." },
        { "Form.Email", "", "Please give your email address.", "Indiquez votre adresse e-mail." },
        { "Form.PostalCode", "  ", "This field is required.", "Ce champ est obligatoire." },
        { "Form.Country", "XX", "Please choose your country.", "Choisissez votre pays." },
        { "Form.Consent", "false", "Please tick the box to agree", "Cochez la case pour donner votre accord" },
        { "Form.Comment", new string('c', 1001), "This is too long.", "C'est trop long." },
        { "Form.FirstName", "Ana\u0007", "This contains characters that are not allowed.", "Ce champ contient des caractères non autorisés." },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Sign_InvalidField_Answers400InBothLanguagesKeepsWhatWasTypedAndStoresNothing(
        string field, string value, string english, string french)
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        foreach (var (language, message) in new[] { ("en", english), ("fr", french) })
        {
            var fields = Forms.Signature($"typed-{language}@example.org", "Zoé");
            fields[field] = value;

            var response = await host.Browser(language).SignAsync(campaign.Slug, fields);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(message, Html.Text(html));
            Assert.Contains(field == "Form.Email" ? $"value=\"{value}\"" : $"value=\"typed-{language}@example.org\"", html);
            if (field != "Form.FirstName")
            {
                Assert.Contains("value=\"Zoé\"", html);
            }
        }
        Assert.Equal(0, await host.Data.SupportersAsync(organization.Id));
        Assert.Equal(0, await host.Data.StoredCountAsync(campaign.PetitionId));
    }

    [Fact]
    public async Task Sign_WithoutOrWithForgedAntiforgeryToken_Answers400AndStoresNothing()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var browser = host.Browser("fr");
        await browser.TokenAsync($"/c/{campaign.Slug}");

        var missing = await browser.PostAsync($"/c/{campaign.Slug}", new FormUrlEncodedContent(Forms.Signature("a@example.org")));
        var forged = await browser.PostAsync($"/c/{campaign.Slug}",
            new FormUrlEncodedContent(Forms.Signature("b@example.org").Append(new("__af", "CfDJ8forged-token"))));
        var otherVisitorsToken = await host.Browser().TokenAsync($"/c/{campaign.Slug}");
        var stolen = await browser.PostAsync($"/c/{campaign.Slug}",
            new FormUrlEncodedContent(Forms.Signature("c@example.org").Append(new("__af", otherVisitorsToken))));

        foreach (var response in new[] { missing, forged, stolen })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Votre formulaire avait expiré", Html.Text(html));
            Assert.Contains("value=\"Ana\"", html);
        }
        Assert.Equal(0, await host.Data.SupportersAsync(organization.Id));
    }

    [Fact]
    public async Task Sign_NulCharacterInTheBody_Answers400AndStoresNothing()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);

        var response = await host.Browser("fr").SignAsync(campaign.Slug, Forms.Signature("nul@example.org", "Ana\u0000"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("n'a pas pu être lu", Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await host.Data.SupportersAsync(organization.Id));
    }

    [Fact]
    public async Task Sign_BodyOverTheLimit_Answers413AndStoresNothing()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var browser = host.Browser("fr");
        var fields = Forms.Signature("big@example.org");
        fields["Form.Comment"] = new string('x', 200_000);

        var response = await browser.SignAsync(campaign.Slug, fields);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Trop de données", Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await host.Data.SupportersAsync(organization.Id));
    }

    [Fact]
    public async Task Sign_UnknownUnpublishedOrClosedPetition_RefusedAndStoresNothing()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var draft = await host.Data.CampaignAsync(organization.Id, published: false);
        var closed = await host.Data.CampaignAsync(organization.Id, open: false);
        var browser = host.Browser();

        var unknown = await browser.PostAsync("/c/no-such-campaign", new FormUrlEncodedContent(Forms.Signature("x@example.org")));
        var unpublished = await browser.PostAsync($"/c/{draft.Slug}", new FormUrlEncodedContent(Forms.Signature("y@example.org")));
        var closedResponse = await browser.SignAsync(closed.Slug, Forms.Signature("z@example.org"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/c/{draft.Slug}")).StatusCode);
        Assert.Contains("Page not found", await unpublished.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, closedResponse.StatusCode);
        Assert.Contains("This petition is closed", await closedResponse.Content.ReadAsStringAsync());
        Assert.Equal(0, await host.Data.SupportersAsync(organization.Id));
    }

    [Fact]
    public async Task Sign_FiftyConcurrentSubmissionsOfOneSignature_StoresExactlyOne()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var browsers = Enumerable.Range(0, 50).Select(_ => host.Browser()).ToList();
        var tokens = await Task.WhenAll(browsers.Select(b => b.TokenAsync($"/c/{campaign.Slug}")));

        var responses = await Task.WhenAll(browsers.Select((b, i) => b.PostAsync($"/c/{campaign.Slug}",
            new FormUrlEncodedContent(Forms.Signature(i % 2 == 0 ? "same@example.org" : " SAME@example.org ").Append(new("__af", tokens[i]))))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses, r => r.Headers.Location!.OriginalString.EndsWith("/thanks"));
        Assert.Equal(1, await host.Data.SignaturesAsync(campaign.PetitionId));
        Assert.Equal(1, await host.Data.StoredCountAsync(campaign.PetitionId));
        Assert.Equal(1, await host.Data.SupportersAsync(organization.Id));
    }

    [Fact]
    public async Task Sign_HostileText_StoredAsTypedAndNeverRunAsMarkup()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var fields = Forms.Signature("robert@example.org", "<script>alert('x')</script>");
        fields["Form.LastName"] = "'); DROP TABLE \"Supporters\";--";
        fields["Form.Comment"] = "<img src=x onerror=alert(1)>";
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);

        await host.Browser().SignAsync(campaign.Slug, fields);

        var supporter = await host.Data.QueryAsync(db => db.Supporters.SingleAsync(s => s.OrganizationId == organization.Id));
        Assert.Equal("<script>alert('x')</script>", supporter.FirstName);
        Assert.Equal("'); DROP TABLE \"Supporters\";--", supporter.LastName);
        var list = await (await organizer.GetAsync($"/admin/campaigns/{campaign.Id}/signers")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", list);
        Assert.DoesNotContain("<img src=x", list);
        Assert.Contains("&lt;script&gt;", list);
    }

    [Fact]
    public async Task CampaignPage_StoryWithHtmlAndScriptLinks_RenderedSafelyWithOpenGraphTags()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id,
            story: "Hello **world**\n\n<script>alert(1)</script>\n\n[click](javascript:alert(2)) [site](https://example.org)");

        var html = await (await host.Browser().GetAsync($"/c/{campaign.Slug}")).Content.ReadAsStringAsync();

        Assert.Contains("<strong>world</strong>", html);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("href=\"https://example.org\"", html);
        Assert.Contains($"<meta property=\"og:title\" content=\"Title {campaign.Slug}\">", html);
        Assert.Contains("<meta property=\"og:description\" content=\"The ask\">", html);
        Assert.Contains($"/c/{campaign.Slug}\">", html);
        Assert.Contains("<meta name=\"twitter:card\"", html);
        var consentBox = html.Split("<input id=\"Form_Consent\"")[1].Split('>')[0];
        Assert.Contains("type=\"checkbox\"", consentBox);
        Assert.DoesNotContain("checked", consentBox);
        Assert.Contains($"<label for=\"Form_Consent\">I agree (", html);
    }

    [Fact]
    public async Task Home_ListsPublishedCampaignsOnly_InTheBrowsersLanguage()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var published = await host.Data.CampaignAsync(organization.Id);
        var draft = await host.Data.CampaignAsync(organization.Id, published: false);
        await Task.Delay(Relais.Web.Campaigns.CampaignPages.Freshness);

        var french = await (await host.Browser("fr-BE,fr;q=0.9").GetAsync("/")).Content.ReadAsStringAsync();
        var english = await (await host.Browser("en-US").GetAsync("/")).Content.ReadAsStringAsync();

        Assert.Contains($"Titre {published.Slug}", french);
        Assert.Contains("<html lang=\"fr\">", french);
        Assert.Contains($"Title {published.Slug}", english);
        Assert.Contains("<html lang=\"en\">", english);
        Assert.DoesNotContain(draft.Slug, french + english);
    }
}

public sealed class SigningOnSqlite(SqliteHost host) : SigningTests(host), IClassFixture<SqliteHost>;

public sealed class SigningOnPostgres(PostgresHost host) : SigningTests(host), IClassFixture<PostgresHost>;
