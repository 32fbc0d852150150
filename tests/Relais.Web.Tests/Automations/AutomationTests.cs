using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Activities;
using Relais.Messaging;
using Relais.Outbox;
using Relais.Web.Tests.Privacy;

namespace Relais.Web.Tests.Automations;

/// <summary>The email settings page, the thank-you after a signature, and the editable confirmation.</summary>
public abstract class AutomationTests
{
    private readonly RelaisHost _host;

    protected AutomationTests(RelaisHost host)
    {
        _host = host;
        Mailbox.UseSink(host);
    }

    [Fact]
    public async Task SaveEmailSettings_BadKeyOrCapOutOfRange_400AndNothingSaved()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var browser = await _host.Browser().LoginAsync(organization.OrganizerEmail);
        using var rsa = RSA.Create(2048);
        var publicOnly = rsa.ExportSubjectPublicKeyInfoPem();

        var badKey = await browser.SubmitAsync("/admin/settings/email", Settings(cap: "3", key: "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----"));
        var publicKey = await browser.SubmitAsync("/admin/settings/email", Settings(cap: "3", key: publicOnly));
        var badCap = await browser.SubmitAsync("/admin/settings/email", Settings(cap: "51", key: ""));
        var negativeCap = await browser.SubmitAsync("/admin/settings/email", Settings(cap: "-1", key: ""));
        var badAddress = await browser.SubmitAsync("/admin/settings/email", Replace(Settings(cap: "3", key: ""), "Input.FromAddress", "not an address"));

        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Contains("not an RSA private key", Html.Text(await badKey.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, publicKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCap.StatusCode);
        Assert.Contains("between 0 (no cap) and 50", Html.Text(await badCap.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, negativeCap.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAddress.StatusCode);
        Assert.False(await _host.Data.QueryAsync(db => db.EmailSettings.AnyAsync(s => s.OrganizationId == organization.Id)));

        var french = await (await _host.Browser("fr").LoginAsync(organization.OrganizerEmail)).SubmitAsync("/admin/settings/email", Settings(cap: "99", key: ""));
        Assert.Contains("plafond hebdomadaire entre 0", Html.Text(await french.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task GenerateKey_ValidSettings_SavedWithDnsRecordAndKeyNeverShown()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var browser = await _host.Browser().LoginAsync(organization.OrganizerEmail);

        var generated = await browser.SubmitAsync("/admin/settings/email", Settings(cap: "0", key: ""), "/admin/settings/email?handler=Generate");

        Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
        var settings = await _host.Data.QueryAsync(db => db.EmailSettings.AsNoTracking().SingleAsync(s => s.OrganizationId == organization.Id));
        Assert.Equal(("Les Amis", "contact@amis.example", "reply@amis.example", 0), (settings.FromName, settings.FromAddress, settings.ReplyTo, settings.WeeklyCap));
        Assert.Equal(("amis.example", "relais2026"), (settings.DkimDomain, settings.DkimSelector));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(settings.DkimPrivateKeyPem);
        Assert.Equal(2048, rsa.KeySize);
        var page = Html.Text(await (await browser.GetAsync("/admin/settings/email")).Content.ReadAsStringAsync());
        Assert.Contains($"relais2026._domainkey.amis.example TXT \"v=DKIM1; k=rsa; p={Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo())}\"", page);
        Assert.DoesNotContain("PRIVATE KEY", page);
        Assert.DoesNotContain(settings.DkimPrivateKeyPem!.Split('\n')[1], page);

        // Saving again without pasting a key keeps the stored one.
        await browser.SubmitAsync("/admin/settings/email", Settings(cap: "5", key: ""));
        var after = await _host.Data.QueryAsync(db => db.EmailSettings.AsNoTracking().SingleAsync(s => s.OrganizationId == organization.Id));
        Assert.Equal((5, settings.DkimPrivateKeyPem), (after.WeeklyCap, after.DkimPrivateKeyPem));
        var viewer = await _host.Browser().LoginAsync(organization.ViewerEmail);
        var denied = await viewer.SubmitAsync("/admin/settings/email", Settings(cap: "1", key: ""));
        Assert.StartsWith("/admin/denied", denied.Headers.Location?.AbsolutePath);
        Assert.Equal(5, await _host.Data.QueryAsync(db => db.EmailSettings.Where(s => s.OrganizationId == organization.Id).Select(s => s.WeeklyCap).SingleAsync()));
    }

    [Fact]
    public async Task Sign_InFrench_ThankYouOnceWithRelayLinkNextStepAndSender()
    {
        _host.SkipIfUnavailable();
        Mailbox.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var organizer = await _host.Browser().LoginAsync(organization.OrganizerEmail);
        await organizer.SubmitAsync("/admin/settings/email", Settings(cap: "3", key: "", dkim: false));
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        var next = await _host.Data.CampaignAsync(organization.Id);
        await _host.Data.QueryAsync(db => db.Petitions.Where(p => p.Id == next.PetitionId).ExecuteUpdateAsync(s => s.SetProperty(p => p.LadderRank, 3)));
        var email = Mailbox.UniqueAddress("merci");

        await _host.Browser("fr-FR").SignAsync(campaign.Slug, Forms.Signature(email, firstName: "Zoé"));

        var message = await Mailbox.WaitForContainingAsync(email, "?ref=");
        var supporter = await _host.Data.SupporterAsync(organization.Id, email);
        var activity = await _host.Data.QueryAsync(db => db.Activities.SingleAsync(a => a.SupporterId == supporter.Id && a.Type == ActivityType.Signed));
        Assert.Equal("Merci pour votre signature, Zoé !", message.Subject);
        Assert.Contains($"https://relais.example.org/c/{campaign.Slug}?ref={RelayCode.For(supporter.Id)}", message.Text);
        Assert.Contains($"Titre {campaign.Slug}", message.Text);
        Assert.Contains($"Titre {next.Slug} (https://relais.example.org/c/{next.Slug}?ref={RelayCode.For(supporter.Id)})", message.Text);
        Assert.Contains("Votre prochaine étape", message.Html);
        Assert.Contains("contact@amis.example", message.Header("From"));
        Assert.Contains("reply@amis.example", message.Header("Reply-To"));
        Assert.Equal($"<thank-you.{activity.Id:N}@amis.example>", message.Header("Message-ID"));

        // Signing again is no new action; the completed outbox message never runs again.
        await _host.Browser("fr-FR").SignAsync(campaign.Slug, Forms.Signature(email, firstName: "Zoé"));
        await ActivatorUtilities.CreateInstance<OutboxProcessor>(_host.Services).RunDueAsync(CancellationToken.None);
        await WaitForOutboxAsync(organization.Id);
        await Task.Delay(500);
        Assert.Equal(1, Mailbox.CountContaining(email, "?ref="));
        Assert.Equal(1, await _host.Data.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.OrganizationId == organization.Id && m.Kind == OutboxKinds.ThankYou)));
    }

    [Fact]
    public async Task Sign_InEnglishWithThankYouDisabled_NothingSent()
    {
        _host.SkipIfUnavailable();
        Mailbox.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        var organizer = await _host.Browser().LoginAsync(organization.OrganizerEmail);
        var disabled = await organizer.SubmitAsync("/admin/automations/thank-you", Wording("Thanks {{ first_name }}", "Hi", enabled: false));
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var other = await _host.Data.OrganizationAsync();
        var otherCampaign = await _host.Data.CampaignAsync(other.Id);
        var email = Mailbox.UniqueAddress("nothanks");
        var control = Mailbox.UniqueAddress("control");

        await _host.Browser("en").SignAsync(campaign.Slug, Forms.Signature(email));
        await _host.Browser("en").SignAsync(otherCampaign.Slug, Forms.Signature(control));

        var received = await Mailbox.WaitForContainingAsync(control, "?ref=");
        Assert.Equal("Thank you for signing, Ana!", received.Subject);
        await WaitForOutboxAsync(organization.Id);
        Assert.Equal(0, Mailbox.Count(email));
        var index = Html.Text(await (await organizer.GetAsync("/admin/automations")).Content.ReadAsStringAsync());
        Assert.Contains("Off", index);
    }

    [Fact]
    public async Task Sign_PetitionWithItsOwnWording_OverrideUsedOthersKeepTheOrganizations()
    {
        _host.SkipIfUnavailable();
        Mailbox.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var special = await _host.Data.CampaignAsync(organization.Id);
        var plain = await _host.Data.CampaignAsync(organization.Id);
        var organizer = await _host.Browser().LoginAsync(organization.OrganizerEmail);
        await organizer.SubmitAsync("/admin/automations/thank-you", Wording("Org-wide {{ first_name }}", "Org body {{ relay_link }}"));
        var saved = await organizer.SubmitAsync($"/admin/automations/thank-you/{special.PetitionId}", Wording("Special <b>{{ first_name }}</b>", "Special body {{ counter }} <script>x</script> {{ relay_link }}"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var first = Mailbox.UniqueAddress("special");
        var second = Mailbox.UniqueAddress("plain");

        await _host.Browser("en").SignAsync(special.Slug, Forms.Signature(first));
        await _host.Browser("en").SignAsync(plain.Slug, Forms.Signature(second));

        var specialEmail = await Mailbox.WaitForContainingAsync(first, "?ref=");
        var plainEmail = await Mailbox.WaitForContainingAsync(second, "?ref=");
        Assert.Equal("Special <b>Ana</b>", specialEmail.Subject);
        Assert.Contains("Special body 1", specialEmail.Text);
        Assert.DoesNotContain("<script>", specialEmail.Html);
        Assert.Contains("&lt;script&gt;", specialEmail.Html);
        Assert.Equal("Org-wide Ana", plainEmail.Subject);

        // Reset removes the petition's own wording.
        var reset = await organizer.SubmitAsync($"/admin/automations/thank-you/{special.PetitionId}", [], $"/admin/automations/thank-you/{special.PetitionId}?handler=Reset");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False(await _host.Data.QueryAsync(db => db.EmailTemplates.AnyAsync(t => t.ActionId == special.PetitionId)));
    }

    [Fact]
    public async Task SaveWording_UnknownFieldOrConfirmationWithoutLink_400NamingTheProblem()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var organizer = await _host.Browser().LoginAsync(organization.OrganizerEmail);

        var unknown = await organizer.SubmitAsync("/admin/automations/thank-you", Wording("Hi {{ frist_name }}", "Body {{ shoe_size }}"));
        var noLink = await organizer.SubmitAsync("/admin/automations/confirm-subscription", Wording("Confirm", "Please confirm."));
        var viewer = await _host.Browser().LoginAsync(organization.ViewerEmail);
        var forbidden = await viewer.SubmitAsync("/admin/automations/thank-you", Wording("Hi", "Body"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var text = Html.Text(await unknown.Content.ReadAsStringAsync());
        Assert.Contains("Unknown merge field: frist_name.", text);
        Assert.Contains("Unknown merge field: shoe_size.", text);
        Assert.Equal(HttpStatusCode.BadRequest, noLink.StatusCode);
        Assert.Contains("must carry the link {{ confirm_link }}", Html.Text(await noLink.Content.ReadAsStringAsync()));
        Assert.StartsWith("/admin/denied", forbidden.Headers.Location?.AbsolutePath);
        Assert.False(await _host.Data.QueryAsync(db => db.EmailTemplates.AnyAsync(t => t.OrganizationId == organization.Id)));
    }

    [Fact]
    public async Task SignWithDoubleOptIn_ConfirmationWording_SentWithItsLink()
    {
        _host.SkipIfUnavailable();
        Mailbox.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        await _host.Data.RequireDoubleOptInAsync(organization.Id);
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        var organizer = await _host.Browser().LoginAsync(organization.OrganizerEmail);
        var saved = await organizer.SubmitAsync("/admin/automations/confirm-subscription", Wording("One click, {{ first_name }}", "[Yes, keep me posted]({{ confirm_link }})"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var email = Mailbox.UniqueAddress("confirm");

        await _host.Browser("en").SignAsync(campaign.Slug, Forms.Signature(email).WithEmailUpdates());

        var message = await Mailbox.WaitForContainingAsync(email, "/confirm/");
        Assert.Equal("One click, Ana", message.Subject);
        var link = message.LinkPath("/confirm/");
        Assert.Contains($"href=\"https://relais.example.org{link}\"", message.Html);
        Assert.Equal(HttpStatusCode.OK, (await _host.Browser("en").GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task EditAutomation_OtherOrganizationsPetition_404AndNothingWritten()
    {
        _host.SkipIfUnavailable();
        var victim = await _host.Data.OrganizationAsync();
        var campaign = await _host.Data.CampaignAsync(victim.Id);
        var intruder = await _host.Data.OrganizationAsync();
        var browser = await _host.Browser().LoginAsync(intruder.OrganizerEmail);

        var read = await browser.GetAsync($"/admin/automations/thank-you/{campaign.PetitionId}");
        var write = await browser.SubmitAsync("/admin/automations/thank-you", Wording("Hijack", "Body"), $"/admin/automations/thank-you/{campaign.PetitionId}");
        var unknownKind = await browser.GetAsync("/admin/automations/no-such-kind");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownKind.StatusCode);
        Assert.False(await _host.Data.QueryAsync(db => db.EmailTemplates.AnyAsync(t => t.ActionId == campaign.PetitionId)));
    }

    private async Task WaitForOutboxAsync(Guid organizationId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (await _host.Data.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.OrganizationId == organizationId && m.CompletedAt == null)))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The outbox did not finish.");
            await Task.Delay(100);
        }
    }

    private static Dictionary<string, string> Settings(string cap, string key, bool dkim = true) => new()
    {
        ["Input.FromName"] = "Les Amis",
        ["Input.FromAddress"] = "contact@amis.example",
        ["Input.ReplyTo"] = "reply@amis.example",
        ["Input.WeeklyCap"] = cap,
        ["Input.DkimDomain"] = dkim ? "amis.example" : "",
        ["Input.DkimSelector"] = dkim ? "relais2026" : "",
        ["Input.DkimPrivateKeyPem"] = key,
    };

    private static Dictionary<string, string> Replace(Dictionary<string, string> fields, string key, string value)
    {
        fields[key] = value;
        return fields;
    }

    private static Dictionary<string, string> Wording(string subject, string body, bool enabled = true)
    {
        var fields = new Dictionary<string, string>
        {
            ["Fr.Subject"] = subject,
            ["Fr.Preheader"] = "",
            ["Fr.Body"] = body,
            ["En.Subject"] = subject,
            ["En.Preheader"] = "",
            ["En.Body"] = body,
        };
        if (enabled)
        {
            fields["Enabled"] = "true";
        }
        return fields;
    }
}

public sealed class AutomationOnSqlite(SqliteHost host) : AutomationTests(host), IClassFixture<SqliteHost>;

public sealed class AutomationOnPostgres(PostgresHost host) : AutomationTests(host), IClassFixture<PostgresHost>;
