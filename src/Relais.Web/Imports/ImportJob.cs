using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Imports;

namespace Relais.Web.Imports;

/// <summary>
/// Runs queued imports one at a time, outside any request. At start it also picks up imports left
/// Running by a stopped or killed process: they resume after their last committed chunk.
/// </summary>
internal sealed class ImportJob(
    IDbContextFactory<RelaisDb> dbFactory, ImportRunner runner, ImportSignal signal, IHostApplicationLifetime lifetime, ILogger<ImportJob> logger)
    : BackgroundService
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The database is migrated by another start-up service; wait until the host has started.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Guid? next;
                await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
                {
                    next = await db.Imports.AsNoTracking()
                        .Where(i => i.Status == ImportStatus.Running || i.Status == ImportStatus.Queued)
                        .OrderBy(i => i.CreatedAt)
                        .Select(i => (Guid?)i.Id)
                        .FirstOrDefaultAsync(stoppingToken);
                }
                if (next is { } id)
                {
                    await runner.RunAsync(id, stoppingToken);
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The import job could not pick the next import; retrying in {Poll}", Poll);
            }
            await signal.WaitAsync(Poll, stoppingToken);
        }
    }
}
