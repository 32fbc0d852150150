using System.Net;

namespace Relais.Web.Tests.Relays;

/// <summary>A flood of clicks from one client: every click still leads on, only the first ones count. Own host, own limiter.</summary>
public abstract class FloodTests(RelaisHost host)
{
    [Fact]
    public async Task ClickFlood_OneClient_RedirectsAllCountsOnlyTheLimit()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var relay = await host.RelayAsync(organization.Id, campaign.Slug, "busy@example.org");
        var client = host.Browser();

        for (var i = 0; i < 45; i++)
        {
            var response = await client.GetAsync($"/r/{relay.Code}/{campaign.Slug}?n=x");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await RelayTestData.EventuallyAsync(() => host.ClicksAsync(campaign.Id), n => n >= 30);
        await Task.Delay(500);
        Assert.Equal(30, await host.ClicksAsync(campaign.Id));
    }
}

public sealed class FloodOnSqlite(SqliteHost host) : FloodTests(host), IClassFixture<SqliteHost>;

public sealed class FloodOnPostgres(PostgresHost host) : FloodTests(host), IClassFixture<PostgresHost>;
