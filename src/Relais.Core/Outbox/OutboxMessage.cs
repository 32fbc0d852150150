namespace Relais.Outbox;

/// <summary>
/// Work to do after a commit (an email to send, a re-evaluation), written in the same transaction
/// as what caused it and retried until done, so that nothing acknowledged is lost and nothing is
/// done twice.
/// </summary>
public sealed class OutboxMessage
{
    public const int KindMax = 50;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? OrganizationId { get; init; }

    /// <summary>What to do, e.g. "email.confirm-subscription"; a handler is registered per kind.</summary>
    public required string Kind { get; init; }

    /// <summary>The handler's input as JSON.</summary>
    public required string Payload { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset NextAttemptAt { get; set; } = DateTimeOffset.UtcNow;
    public int Attempts { get; set; }

    /// <summary>A worker's claim: others skip the message until then.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
    public string? LastError { get; set; }
}
