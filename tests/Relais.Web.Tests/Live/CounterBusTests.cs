using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Relais.Data;

namespace Relais.Web.Tests.Live;

/// <summary>Two app instances on one PostgreSQL database: counts cross nodes through LISTEN/NOTIFY.</summary>
public sealed class CounterBusOnPostgres(PostgresHost host) : IClassFixture<PostgresHost>
{
    [Fact]
    public async Task SignOnNodeA_NotifiesAndNodeBStreamsTheCount()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var connectionString = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!;
        await using var nodeB = new PostgresHost();
        await nodeB.InitializeAsync();
        nodeB.Set("Relais:Database:ConnectionString", connectionString);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var listener = new NpgsqlConnection(connectionString);
        await listener.OpenAsync(timeout.Token);
        var notified = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Notification += (_, e) =>
        {
            if (e.Payload.Contains(campaign.PetitionId.ToString("N"), StringComparison.Ordinal))
            {
                notified.TrySetResult(e.Payload);
            }
        };
        await using (var listen = new NpgsqlCommand("LISTEN relais_counts", listener))
        {
            await listen.ExecuteNonQueryAsync(timeout.Token);
        }
        var listening = Task.Run(async () =>
        {
            while (!notified.Task.IsCompleted)
            {
                await listener.WaitAsync(timeout.Token);
            }
        });
        using var stream = await EventStream.OpenAsync(nodeB.Browser(), $"/c/{campaign.Slug}/live", timeout.Token);
        var initial = await stream.NextAsync(timeout.Token);

        await host.Browser().SignAsync(campaign.Slug, Forms.Signature("node-a@example.org"));
        var payload = await notified.Task.WaitAsync(timeout.Token);
        await listening;
        var onB = await stream.NextAsync(timeout.Token);

        Assert.Equal(0, initial.GetProperty("count").GetInt32());
        Assert.EndsWith($":{campaign.PetitionId:N}:1", payload);
        Assert.Equal(1, onB.GetProperty("count").GetInt32());

        // A count only a notification can bring (the database says 1): node B applies what other nodes tell.
        await using var other = new NpgsqlConnection(connectionString);
        await other.OpenAsync(timeout.Token);
        await using (var notify = new NpgsqlCommand($"SELECT pg_notify('relais_counts', 'another-node:{campaign.PetitionId:N}:5')", other))
        {
            await notify.ExecuteNonQueryAsync(timeout.Token);
        }
        Assert.Equal(5, (await stream.NextAsync(timeout.Token)).GetProperty("count").GetInt32());
    }
}
