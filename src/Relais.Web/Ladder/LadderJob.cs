using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Ladder;

namespace Relais.Web.Ladder;

/// <summary>
/// Places the supporters who are due (acted since their last placement, merged, or whose
/// organization changed its rules) every <see cref="Interval"/>, and once a day marks due those
/// whose level rests on time-windowed rules, since those stop holding as days pass.
/// </summary>
internal sealed class LadderJob(
    IDbContextFactory<RelaisDb> dbFactory,
    LadderPlacer placer,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<LadderJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan WindowRefresh = TimeSpan.FromDays(1);

    // Leaves room for the signature writer between batches when a big backlog is due.
    private const int MaxBatchesPerTick = 20;

    private DateTimeOffset _nextWindowRefresh = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Migrations run while the host starts; the tables exist once it has started.
        await WhenStartedAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Ladder placement failed; retrying in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.Organizations.AsNoTracking().Select(o => o.Id).ToListAsync(ct);
        if (clock.GetUtcNow() >= _nextWindowRefresh)
        {
            foreach (var organization in organizations)
            {
                await db.MarkWindowedDueAsync(organization, ct);
            }
            _nextWindowRefresh = clock.GetUtcNow() + WindowRefresh;
        }
        foreach (var organization in organizations)
        {
            for (var batch = 0; batch < MaxBatchesPerTick; batch++)
            {
                db.ChangeTracker.Clear();
                if (await placer.PlaceDueAsync(db, organization, ct) < LadderPlacer.BatchSize)
                {
                    break;
                }
            }
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }
}
