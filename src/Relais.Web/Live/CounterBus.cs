namespace Relais.Web.Live;

/// <summary>
/// Carries counts committed on this node to the other nodes, which raise their own live counters.
/// With SQLite there is one node: <see cref="LocalCounterBus"/>. With PostgreSQL:
/// <see cref="PostgresCounterBus"/> (LISTEN/NOTIFY).
/// </summary>
public interface ICounterBus
{
    /// <summary>Called on the signature writer's thread: must return at once.</summary>
    void Publish(Guid petitionId, int storedCount);

    /// <summary>Sends and receives until the host stops.</summary>
    Task RunAsync(CancellationToken stoppingToken);
}

/// <summary>One process: its subscribers already heard the count from memory.</summary>
internal sealed class LocalCounterBus : ICounterBus
{
    public void Publish(Guid petitionId, int storedCount)
    {
    }

    public Task RunAsync(CancellationToken stoppingToken) => Task.CompletedTask;
}
