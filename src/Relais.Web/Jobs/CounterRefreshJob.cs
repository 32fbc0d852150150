using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Petitions;

namespace Relais.Web.Jobs;

/// <summary>
/// Re-reads the stored counts of the petitions this node shows, so signatures taken by other
/// nodes appear here too.
/// </summary>
internal sealed class CounterRefreshJob(
    IDbContextFactory<RelaisDb> dbFactory, PetitionCounters counters, ILogger<CounterRefreshJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var ids = counters.Known.ToList();
                if (ids.Count == 0)
                {
                    continue;
                }
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                var stored = await db.Petitions.AsNoTracking().Where(p => ids.Contains(p.Id))
                    .Select(p => new { p.Id, p.SignatureCount }).ToListAsync(stoppingToken);
                foreach (var petition in stored)
                {
                    counters.Refresh(petition.Id, petition.SignatureCount);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not refresh petition counters; retrying in {Interval}", Interval);
            }
        }
    }
}
