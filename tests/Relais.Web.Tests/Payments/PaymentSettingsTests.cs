using System.Net;
using Microsoft.EntityFrameworkCore;
using Relais.Payments;

namespace Relais.Web.Tests.Payments;

/// <summary>The organizer's page for provider accounts: secrets stored encrypted and never shown back.</summary>
public abstract class PaymentSettingsTests(RelaisHost host)
{
    [Fact]
    public async Task Save_StripeKeys_StoredEncryptedShownAsSetWithWebhookUrl()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);

        var saved = await browser.SubmitAsync("/admin/settings/payments", new Dictionary<string, string>
        {
            ["Input.Enabled"] = "true",
            ["Input.Secret"] = "sk_test_visible_nowhere",
            ["Input.WebhookSecret"] = "whsec_visible_nowhere",
        }, "/admin/settings/payments?provider=stripe");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var row = await host.Data.QueryAsync(db => db.Set<PaymentSettings>().SingleAsync(s => s.OrganizationId == organization.Id));
        Assert.True(row.Enabled);
        Assert.DoesNotContain("sk_test_visible_nowhere", row.ProtectedSecret);
        var html = await browser.GetStringAsync("/admin/settings/payments");
        Assert.DoesNotContain("visible_nowhere", html);
        Assert.Contains($"/payments/stripe/webhooks/{organization.Id}", html);

        // Saving again with empty secrets keeps them.
        await browser.SubmitAsync("/admin/settings/payments", new Dictionary<string, string> { ["Input.Enabled"] = "true" }, "/admin/settings/payments?provider=stripe");
        var kept = await host.Data.QueryAsync(db => db.Set<PaymentSettings>().SingleAsync(s => s.OrganizationId == organization.Id));
        Assert.Equal(row.ProtectedSecret, kept.ProtectedSecret);
        Assert.Equal(row.ProtectedWebhookSecret, kept.ProtectedWebhookSecret);
    }

    [Fact]
    public async Task Save_HelloAsso_NotificationUrlCarriesAToken()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);

        await browser.SubmitAsync("/admin/settings/payments", new Dictionary<string, string>
        {
            ["Input.Enabled"] = "true",
            ["Input.ClientId"] = "client",
            ["Input.Secret"] = "secret",
            ["Input.AccountSlug"] = "mon-asso",
        }, "/admin/settings/payments?provider=helloasso");

        var html = await browser.GetStringAsync("/admin/settings/payments");
        Assert.Matches($"/payments/helloasso/webhooks/{organization.Id}\\?token=[A-Za-z0-9_-]{{20,}}", html);
    }

    [Fact]
    public async Task Save_AsViewer_Forbidden()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var browser = await host.Browser().LoginAsync(organization.ViewerEmail);

        var response = await browser.SubmitAsync("/admin/settings/payments", new Dictionary<string, string> { ["Input.Secret"] = "sk" },
            "/admin/settings/payments?provider=stripe");

        Assert.Contains("/admin/denied", response.Headers.Location?.ToString());
        Assert.False(await host.Data.QueryAsync(db => db.Set<PaymentSettings>().AnyAsync(s => s.OrganizationId == organization.Id)));
    }
}

public sealed class PaymentSettingsOnSqlite(SqliteHost host) : PaymentSettingsTests(host), IClassFixture<SqliteHost>;

public sealed class PaymentSettingsOnPostgres(PostgresHost host) : PaymentSettingsTests(host), IClassFixture<PostgresHost>;
