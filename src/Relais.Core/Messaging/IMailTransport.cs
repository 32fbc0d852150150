namespace Relais.Messaging;

/// <summary>Hands an email over for delivery; throws when it could not (the outbox retries).</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingEmail email, CancellationToken ct);
}
