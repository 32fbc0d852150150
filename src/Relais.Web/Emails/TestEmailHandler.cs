using System.Text.Json;
using Relais.Messaging;
using Relais.Outbox;

namespace Relais.Web.Emails;

/// <summary>Sends a message's test (<see cref="TestEmail"/>) to the organizer who asked.</summary>
internal sealed class TestEmailHandler(IMailTransport mail) : IOutboxHandler
{
    public string Kind => TestEmail.Kind;

    public Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var test = JsonSerializer.Deserialize<TestEmail>(message.Payload) ?? throw new InvalidOperationException("Empty payload.");
        return mail.SendAsync(new OutgoingEmail(test.To, test.Subject, test.Text, test.Html) { From = test.From }, ct);
    }
}
