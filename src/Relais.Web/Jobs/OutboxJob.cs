using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Relais.Outbox;

namespace Relais.Web.Jobs;

/// <summary>Settings under "Relais:Outbox".</summary>
public sealed class OutboxOptions
{
    public const string Section = "Relais:Outbox";

    [Range(50, 60_000)]
    public int PollMilliseconds { get; set; } = 1_000;

    [Range(1, 86_400)]
    public int FirstRetrySeconds { get; set; } = 30;

    [Range(1, 10_080)]
    public int MaxRetryMinutes { get; set; } = 60;

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    public OutboxRetry Retry => new(TimeSpan.FromSeconds(FirstRetrySeconds), TimeSpan.FromMinutes(MaxRetryMinutes), MaxAttempts);
}

/// <summary>Runs due outbox messages for the life of the process; a failed run is logged and the next one comes.</summary>
internal sealed class OutboxJob(OutboxProcessor processor, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be waiting: go on at once.
                if (await processor.RunDueAsync(stoppingToken) == OutboxProcessor.BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The outbox run failed; trying again in {Pause}", pause);
            }
            try
            {
                await Task.Delay(pause, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
