using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Relais.Data;
using Relais.Outbox;

namespace Relais.Web.Tests.Messaging;

/// <summary>The outbox claims a batch at once: what ran before a shutdown is recorded, the rest given back.</summary>
public abstract class OutboxBatchTests(RelaisHost host)
{
    private const string Kind = "test.stops-the-worker";

    [Fact]
    public async Task RunDue_ShutdownMidBatch_RecordsWhatRanAndGivesTheRestBack()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        // Due an hour from now: the host's own outbox job leaves them to the processor under test, which lives then.
        var inAnHour = new ShiftedClock(TimeSpan.FromHours(1));
        var messages = Enumerable.Range(0, 5)
            .Select(i => new OutboxMessage { OrganizationId = organization.Id, Kind = Kind, Payload = "{}", NextAttemptAt = inAnHour.GetUtcNow().AddSeconds(i - 10) })
            .ToList();
        await host.Data.QueryAsync(db =>
        {
            db.OutboxMessages.AddRange(messages);
            return db.SaveChangesAsync();
        });
        using var shutdown = new CancellationTokenSource();
        var handler = new StopsTheWorkerAtTheThird(shutdown);
        var handlers = new ServiceCollection().AddScoped<IOutboxHandler>(_ => handler).BuildServiceProvider();
        var processor = new OutboxProcessor(
            host.Services.GetRequiredService<IDbContextFactory<RelaisDb>>(),
            handlers.GetRequiredService<IServiceScopeFactory>(),
            new OutboxRetry(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), 5),
            inAnHour,
            NullLogger<OutboxProcessor>.Instance);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processor.RunDueAsync(shutdown.Token));

        var ids = messages.Select(m => m.Id).ToList();
        var stored = await host.Data.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
        var byAge = ids.Select(id => stored.Single(m => m.Id == id)).ToList();
        Assert.Equal(3, handler.Calls);
        Assert.All(byAge.Take(2), m => Assert.Equal((true, 1, (DateTimeOffset?)null), (m.CompletedAt is not null, m.Attempts, m.LockedUntil)));
        Assert.All(byAge.Skip(2), m => Assert.Equal((false, 0, (DateTimeOffset?)null), (m.CompletedAt is not null, m.Attempts, m.LockedUntil)));
    }

    private sealed class StopsTheWorkerAtTheThird(CancellationTokenSource shutdown) : IOutboxHandler
    {
        public int Calls { get; private set; }

        public string Kind => OutboxBatchTests.Kind;

        public Task HandleAsync(OutboxMessage message, CancellationToken ct)
        {
            if (++Calls == 3)
            {
                shutdown.Cancel();
                ct.ThrowIfCancellationRequested();
            }
            return Task.CompletedTask;
        }
    }
}

public sealed class OutboxBatchOnSqlite(SqliteHost host) : OutboxBatchTests(host), IClassFixture<SqliteHost>;

public sealed class OutboxBatchOnPostgres(PostgresHost host) : OutboxBatchTests(host), IClassFixture<PostgresHost>;
