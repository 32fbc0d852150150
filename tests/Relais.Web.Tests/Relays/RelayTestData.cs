using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Messaging;

namespace Relais.Web.Tests.Relays;

/// <summary>Reads what the relay tests assert on, and waits for the click writer.</summary>
internal static class RelayTestData
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Signs as a new person and returns their supporter id and relay code.</summary>
    public static async Task<(Guid Id, string Code)> RelayAsync(this RelaisHost host, Guid organizationId, string slug, string email, string firstName = "Ana")
    {
        var response = await host.Browser().SignAsync(slug, Forms.Signature(email, firstName));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var id = await host.SupporterIdAsync(organizationId, email);
        return (id, RelayCode.For(id));
    }

    public static Task<Guid> SupporterIdAsync(this RelaisHost host, Guid organizationId, string email) =>
        host.Data.QueryAsync(db => db.Supporters
            .Where(s => s.OrganizationId == organizationId && s.NormalizedEmail == email)
            .Select(s => s.Id).SingleAsync());

    public static Task<int> ClicksAsync(this RelaisHost host, Guid campaignId) =>
        host.Data.QueryAsync(db => db.RelayClicks.CountAsync(c => c.CampaignId == campaignId));

    public static Task<List<Activity>> CreditsAsync(this RelaisHost host, Guid petitionId) =>
        host.Data.QueryAsync(db => db.Activities.AsNoTracking()
            .Where(a => a.ActionId == petitionId && a.Type == ActivityType.Referred).ToListAsync());

    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTimeOffset.UtcNow > deadline)
            {
                Assert.True(done(value), $"Still {value} after {Patience}.");
                return value;
            }
            await Task.Delay(100);
        }
    }
}
