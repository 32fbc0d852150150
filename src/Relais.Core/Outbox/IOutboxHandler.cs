namespace Relais.Outbox;

/// <summary>Does the work of one kind of outbox message; throwing means "try again later".</summary>
public interface IOutboxHandler
{
    string Kind { get; }

    Task HandleAsync(OutboxMessage message, CancellationToken ct);
}
