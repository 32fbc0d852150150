using Relais.Petitions;

namespace Relais.Web.Jobs;

/// <summary>Hosts the single writer of the signature intake for the life of the process.</summary>
internal sealed class SignatureWriterJob(SignatureIntake intake) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => intake.RunAsync(stoppingToken);
}
