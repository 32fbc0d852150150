using Relais.Data;

namespace Relais.Web.Payments;

/// <summary>
/// Settles verified webhook notifications through one writer: a burst of deliveries (a campaign's
/// last evening, a provider replaying a backlog) is settled in a few transactions instead of each
/// delivery waiting its turn for SQLite's write lock. Each request is answered after the commit
/// that settled its event, so an acknowledged event is always stored.
/// </summary>
public sealed class SettlementWriter(IServiceScopeFactory scopes, ILogger<SettlementWriter> logger)
{
    public const int MaxBatch = 128;

    private GroupCommit<SettlementItem, SettlementResult>? _writer;

    private GroupCommit<SettlementItem, SettlementResult> Writer => LazyInitializer.EnsureInitialized(ref _writer,
        () => new(WriteAsync, item => $"the {item.Provider} event {item.Notification.EventId}", logger, MaxBatch));

    public Task<SettlementResult> SettleAsync(SettlementItem item, CancellationToken ct) => Writer.SubmitAsync(item, ct);

    public Task RunAsync(CancellationToken stoppingToken) => Writer.RunAsync(stoppingToken);

    private async Task<SettlementResult[]> WriteAsync(IReadOnlyList<SettlementItem> items)
    {
        await using var scope = scopes.CreateAsyncScope();
        var settlement = scope.ServiceProvider.GetRequiredService<PaymentSettlement>();
        if (items.Count == 1)
        {
            // Alone, or retried alone after its batch failed: the path that recognises a replay racing another node.
            var (organizationId, provider, notification) = items[0];
            return [await settlement.SettleAsync(organizationId, provider, notification, CancellationToken.None)];
        }
        return await settlement.SettleManyAsync(items, CancellationToken.None);
    }
}

/// <summary>Hosts the settlement writer for the life of the process.</summary>
internal sealed class SettlementWriterJob(SettlementWriter writer) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => writer.RunAsync(stoppingToken);
}
