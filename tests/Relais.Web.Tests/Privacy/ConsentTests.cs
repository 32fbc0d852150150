using System.Net;
using Microsoft.EntityFrameworkCore;
using Relais.Channels;
using Relais.Consents;
using Relais.Organizations;
using Relais.Outbox;
using Relais.Privacy;

namespace Relais.Web.Tests.Privacy;

public abstract class ConsentTests
{
    private readonly RelaisHost _host;

    protected ConsentTests(RelaisHost host)
    {
        _host = host;
        Mailbox.UseSink(host);
    }

    [Fact]
    public async Task Sign_WithoutNewsletterBox_NoEmailUpdatesConsent()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        var browser = _host.Browser("en");

        var page = await (await browser.GetAsync($"/c/{campaign.Slug}")).Content.ReadAsStringAsync();
        await browser.SignAsync(campaign.Slug, Forms.Signature("quiet@example.org"));

        Assert.Matches("<input id=\"Form_EmailUpdates\" name=\"Form.EmailUpdates\" type=\"checkbox\" value=\"true\"\\s*>", page);
        Assert.Contains(EmailUpdatesWording.For("en", organization.Slug), Html.Text(page));
        var supporter = await _host.Data.SupporterAsync(organization.Id, "quiet@example.org");
        Assert.Equal(EmailConsentState.None, supporter.EmailConsent);
        Assert.False(await _host.Data.QueryAsync(db => db.Consents.AnyAsync(c => c.SupporterId == supporter.Id && c.Purpose == ConsentPurposes.EmailUpdates)));
        Assert.False(await _host.Data.QueryAsync(db => db.Supporters.Where(s => s.Id == supporter.Id).Mailable().AnyAsync()));
    }

    [Fact]
    public async Task Sign_WithNewsletterBoxWithoutDoubleOptIn_GrantedWithExactWording()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var campaign = await _host.Data.CampaignAsync(organization.Id);

        await _host.Browser("en").SignAsync(campaign.Slug, Forms.Signature("keen@example.org").WithEmailUpdates());

        var supporter = await _host.Data.SupporterAsync(organization.Id, "keen@example.org");
        Assert.Equal(EmailConsentState.Granted, supporter.EmailConsent);
        var consent = await _host.Data.QueryAsync(db => db.Consents.SingleAsync(c => c.SupporterId == supporter.Id && c.Purpose == ConsentPurposes.EmailUpdates));
        Assert.True(consent.Granted);
        Assert.False(consent.AwaitingConfirmation);
        Assert.Equal(EmailUpdatesWording.For("en", organization.Slug), consent.Wording);
        Assert.Equal(EmailUpdatesWording.Version, consent.WordingVersion);
        Assert.Equal(("en", $"petition:{campaign.PetitionId}"), (consent.Language, consent.Source));
        Assert.True(await _host.Data.QueryAsync(db => db.Supporters.Where(s => s.Id == supporter.Id).Mailable().AnyAsync()));
        Assert.False(await _host.Data.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.OrganizationId == organization.Id && m.Kind != OutboxKinds.ThankYou)));
    }

    [Fact]
    public async Task Sign_BoxTickedAgainUnderDoubleOptIn_StaysGranted()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var first = await _host.Data.CampaignAsync(organization.Id);
        var second = await _host.Data.CampaignAsync(organization.Id);
        await _host.Browser().SignAsync(first.Slug, Forms.Signature("loyal@example.org").WithEmailUpdates());
        await _host.Data.RequireDoubleOptInAsync(organization.Id);

        await _host.Browser().SignAsync(second.Slug, Forms.Signature("loyal@example.org").WithEmailUpdates());

        var supporter = await _host.Data.SupporterAsync(organization.Id, "loyal@example.org");
        Assert.Equal(EmailConsentState.Granted, supporter.EmailConsent);
        Assert.Equal(2, await _host.Data.QueryAsync(db => db.Consents.CountAsync(c => c.SupporterId == supporter.Id && c.Purpose == ConsentPurposes.EmailUpdates)));
        Assert.False(await _host.Data.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.OrganizationId == organization.Id && m.Kind != OutboxKinds.ThankYou)));
    }

    [Fact]
    public async Task Sign_WithDoubleOptIn_PendingUntilTheLinkConfirmsOnce()
    {
        _host.SkipIfUnavailable();
        Mailbox.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        await _host.Data.RequireDoubleOptInAsync(organization.Id);
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        var email = Mailbox.UniqueAddress("optin");
        var browser = _host.Browser("fr-FR");

        await browser.SignAsync(campaign.Slug, Forms.Signature(email).WithEmailUpdates());

        var supporter = await _host.Data.SupporterAsync(organization.Id, email);
        Assert.Equal(EmailConsentState.Pending, supporter.EmailConsent);
        var pending = await _host.Data.QueryAsync(db => db.Consents.SingleAsync(c => c.SupporterId == supporter.Id && c.Purpose == ConsentPurposes.EmailUpdates));
        Assert.True(pending.AwaitingConfirmation);
        Assert.False(await _host.Data.QueryAsync(db => db.Supporters.InOrganization(organization.Id).Mailable().AnyAsync(s => s.Id == supporter.Id)));

        var message = await Mailbox.WaitForContainingAsync(email, "/confirm/");
        Assert.Contains(organization.Slug, message.Subject);
        Assert.StartsWith("Confirmez", message.Subject);
        var link = message.LinkPath("/confirm/");
        Assert.Contains($"href=\"https://relais.example.org{link}\"", message.Html);
        var hash = SupporterToken.HashOf(PrivacyData.SecretOf(link));
        var token = await _host.Data.QueryAsync(db => db.SupporterTokens.SingleAsync(t => t.TokenHash == hash));
        Assert.Equal((SupporterTokenPurpose.ConfirmEmail, supporter.Id), (token.Purpose, token.SupporterId));
        Assert.InRange(token.ExpiresAt - token.CreatedAt, TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));

        // Expired: a clear answer, and nothing changes.
        await SetExpiryAsync(token.Id, DateTimeOffset.UtcNow.AddMinutes(-1));
        var expired = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expiré", await expired.TextAsync());
        var expiredPost = await browser.PostWithTokenFromAsync($"/o/{organization.Slug}/privacy", link);
        Assert.Equal(HttpStatusCode.Gone, expiredPost.StatusCode);
        Assert.Equal(EmailConsentState.Pending, (await _host.Data.SupporterAsync(organization.Id, email)).EmailConsent);

        await SetExpiryAsync(token.Id, DateTimeOffset.UtcNow.AddDays(1));
        var confirmed = await browser.SubmitAsync(link, []);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Inscription confirmée", await confirmed.TextAsync());
        Assert.Equal(EmailConsentState.Granted, (await _host.Data.SupporterAsync(organization.Id, email)).EmailConsent);
        Assert.True(await _host.Data.QueryAsync(db => db.Supporters.InOrganization(organization.Id).Mailable().AnyAsync(s => s.Id == supporter.Id)));
        var ledger = await _host.Data.QueryAsync(db => db.Consents
            .Where(c => c.SupporterId == supporter.Id && c.Purpose == ConsentPurposes.EmailUpdates).OrderBy(c => c.RecordedAt).ToListAsync());
        Assert.Equal(2, ledger.Count);
        Assert.Equal((true, false, $"confirmation:{token.Id}", pending.Wording), (ledger[1].Granted, ledger[1].AwaitingConfirmation, ledger[1].Source, ledger[1].Wording));

        var again = await browser.PostWithTokenFromAsync($"/o/{organization.Slug}/privacy", link);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("déjà", await again.TextAsync());
        Assert.Equal(2, await _host.Data.QueryAsync(db => db.Consents.CountAsync(c => c.SupporterId == supporter.Id && c.Purpose == ConsentPurposes.EmailUpdates)));
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync("/confirm/not-a-real-secret")).StatusCode);
        Assert.Equal(1, Mailbox.CountContaining(email, "/confirm/"));
    }

    [Fact]
    public async Task Preferences_WithdrawAndChooseChannel_AppendsLedgerRows()
    {
        _host.SkipIfUnavailable();
        Mailbox.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        var open = new Channel { OrganizationId = organization.Id, Name = "Climat <b>", Slug = "climat" };
        var closed = new Channel { OrganizationId = organization.Id, Name = "Presse", Slug = "presse", OpenToChoice = false };
        await _host.Data.QueryAsync(db =>
        {
            db.Channels.AddRange(open, closed);
            return db.SaveChangesAsync();
        });
        var email = Mailbox.UniqueAddress("prefs");
        var browser = _host.Browser("en");
        await browser.SignAsync(campaign.Slug, Forms.Signature(email).WithEmailUpdates());

        await browser.AskForLinkAsync(organization.Slug, email, "preferences");
        var link = (await Mailbox.WaitForContainingAsync(email, "/preferences/")).LinkPath("/preferences/");
        var page = await (await browser.GetAsync(link)).Content.ReadAsStringAsync();
        Assert.Contains("Climat &lt;b&gt;", page);
        Assert.DoesNotContain("Presse", page);
        var saved = await browser.SubmitAsync(link, new Dictionary<string, string> { ["Channels"] = open.Id.ToString() });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var supporter = await _host.Data.SupporterAsync(organization.Id, email);
        Assert.Equal(EmailConsentState.Withdrawn, supporter.EmailConsent);
        Assert.False(await _host.Data.QueryAsync(db => db.Supporters.Where(s => s.Id == supporter.Id).Mailable().AnyAsync()));
        var withdrawal = await _host.Data.QueryAsync(db => db.Consents
            .Where(c => c.SupporterId == supporter.Id && c.Purpose == ConsentPurposes.EmailUpdates).OrderByDescending(c => c.RecordedAt).FirstAsync());
        Assert.False(withdrawal.Granted);
        Assert.StartsWith("preferences:", withdrawal.Source);
        var membership = await _host.Data.QueryAsync(db => db.ChannelMemberships.SingleAsync(m => m.SupporterId == supporter.Id));
        Assert.Equal((open.Id, "choice"), (membership.ChannelId, membership.Source));
        Assert.True(await _host.Data.QueryAsync(db => db.Consents.AnyAsync(c => c.SupporterId == supporter.Id && c.Purpose == ConsentPurposes.Channel(open.Id) && c.Granted)));

        // Re-granting works from the same link.
        await browser.SubmitAsync(link, new Dictionary<string, string> { ["EmailUpdates"] = "true", ["Channels"] = open.Id.ToString() });
        Assert.Equal(EmailConsentState.Granted, (await _host.Data.SupporterAsync(organization.Id, email)).EmailConsent);
        Assert.Equal(3, await _host.Data.QueryAsync(db => db.Consents.CountAsync(c => c.SupporterId == supporter.Id && c.Purpose == ConsentPurposes.EmailUpdates)));
    }

    [Fact]
    public async Task AskForLink_KnownAndUnknownAddress_SameAnswer()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        await _host.Browser().SignAsync(campaign.Slug, Forms.Signature("known@example.org"));

        var known = await _host.Browser().AskForLinkAsync(organization.Slug, "known@example.org", "export");
        var unknown = await _host.Browser().AskForLinkAsync(organization.Slug, "unknown@example.org", "export");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        var knownText = await known.TextAsync();
        Assert.Contains("If this address is known to us", knownText);
        Assert.Equal(knownText, await unknown.TextAsync());
        var messages = await _host.Data.QueryAsync(db => db.OutboxMessages.Where(m => m.OrganizationId == organization.Id && m.Kind != OutboxKinds.ThankYou).ToListAsync());
        Assert.Equal(OutboxKinds.DataExportLink, Assert.Single(messages).Kind);
    }

    [Fact]
    public async Task AskForLink_InvalidEmail_Returns400()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();

        var response = await _host.Browser("fr").AskForLinkAsync(organization.Slug, "not an email", "export");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ne semble pas valide", await response.TextAsync());
    }

    [Fact]
    public async Task AskForLink_TooOften_IsRateLimited()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var browser = _host.Browser();
        var token = await browser.TokenAsync($"/o/{organization.Slug}/privacy");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 6; i++)
        {
            var response = await browser.PostAsync($"/o/{organization.Slug}/privacy", new FormUrlEncodedContent(
                new Dictionary<string, string> { ["Email"] = $"someone{i}@example.org", ["Want"] = "export", ["__af"] = token }));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/o/{organization.Slug}/privacy")).StatusCode);
    }

    private Task SetExpiryAsync(Guid tokenId, DateTimeOffset expiresAt) =>
        _host.Data.QueryAsync(db => db.SupporterTokens.Where(t => t.Id == tokenId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, expiresAt)));
}

public sealed class ConsentOnSqlite(SqliteHost host) : ConsentTests(host), IClassFixture<SqliteHost>;

public sealed class ConsentOnPostgres(PostgresHost host) : ConsentTests(host), IClassFixture<PostgresHost>;
