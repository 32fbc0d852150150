using Relais.Actions;

namespace Relais.Web.Jobs;

/// <summary>Hosts the single writer of the action intake (every public action) for the life of the process.</summary>
internal sealed class ActionWriterJob(ActionIntake intake) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => intake.RunAsync(stoppingToken);
}
