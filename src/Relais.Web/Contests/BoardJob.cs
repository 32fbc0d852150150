using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Relais.Contests;
using Relais.Data;
using Relais.Web.Live;

namespace Relais.Web.Contests;

/// <summary>
/// Tells the board hub which contests changed. With PostgreSQL, the tallies' NOTIFY (sent at
/// commit, to every node) arrives through LISTEN, and a slow poll catches what a lost connection
/// missed; with SQLite (one node) a short poll of the watched contests' versions does it. It also
/// freezes contests past their deadline and keeps idle streams open with heartbeats.
/// </summary>
internal sealed class BoardJob(
    IDbContextFactory<RelaisDb> dbFactory,
    IOptions<DatabaseOptions> database,
    IOptions<LiveOptions> live,
    BoardHub hub,
    ContestBoards boards,
    TimeProvider clock,
    ILogger<BoardJob> logger) : BackgroundService
{
    private static readonly TimeSpan FreezeEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var postgres = database.Value.Provider == DatabaseProvider.Postgres;
        var poll = postgres ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(200);
        var loops = new List<Task>
        {
            KeepAsync(ct => PollAsync(poll, ct), stoppingToken),
            KeepAsync(FreezeAsync, stoppingToken),
            KeepAsync(HeartbeatAsync, stoppingToken),
        };
        if (postgres)
        {
            loops.Add(KeepAsync(ListenAsync, stoppingToken));
        }
        return Task.WhenAll(loops);
    }

    private async Task KeepAsync(Func<CancellationToken, Task> loop, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await loop(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The contest board job failed; retrying in {Delay}", RetryAfter);
                await Task.Delay(RetryAfter, clock, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task PollAsync(TimeSpan every, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(every, clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            var watched = hub.Watched();
            if (watched.Count == 0)
            {
                continue;
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var versions = await db.Contests.Where(c => watched.Contains(c.Id)).Select(c => new { c.Id, c.BoardVersion }).ToListAsync(ct);
            foreach (var contest in versions.Where(c => c.BoardVersion > hub.VersionOf(c.Id)))
            {
                hub.Changed(contest.Id);
            }
        }
    }

    private async Task FreezeAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(FreezeEvery, clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            foreach (var id in await boards.FreezeDueAsync(db, ct))
            {
                hub.Changed(id);
            }
        }
    }

    private async Task HeartbeatAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(live.Value.Heartbeat, clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            hub.Heartbeat();
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.Value.ResolveConnectionString());
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) =>
        {
            if (Guid.TryParseExact(e.Payload, "N", out var contestId))
            {
                hub.Changed(contestId);
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {ContestTallies.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }
        while (true)
        {
            await connection.WaitAsync(ct);
        }
    }
}
