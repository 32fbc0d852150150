using Relais.Petitions;

namespace Relais.Web.Live;

/// <summary>Hands this node's commits to the counter bus, and runs the bus until the host stops.</summary>
internal sealed class LiveJob(PetitionCounters counters, ICounterBus bus) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        counters.Committed += bus.Publish;
        try
        {
            await bus.RunAsync(stoppingToken);
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            counters.Committed -= bus.Publish;
        }
    }
}
