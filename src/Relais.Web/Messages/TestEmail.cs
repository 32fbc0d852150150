using System.Text.Json;
using Relais.Messaging;
using Relais.Outbox;
using Relais.Web.Messaging;

namespace Relais.Web.Messages;

/// <summary>
/// A test of a message, sent to the organizer who asked. It is rendered when asked (what they saw
/// in the preview) and handed to the mail server through the outbox, like every single email.
/// </summary>
public sealed record TestEmail(string To, string Subject, string Text, string Html, MailSender? From)
{
    public const string Kind = "email.message-test";
    public const string SubjectPrefix = "[Test] ";

    public static OutboxMessage Enqueue(Guid organizationId, string to, OutgoingEmail email, MailSender? from, DateTimeOffset now) => new()
    {
        OrganizationId = organizationId,
        Kind = Kind,
        Payload = JsonSerializer.Serialize(new TestEmail(to, SubjectPrefix + email.Subject, email.Text, email.Html, from)),
        CreatedAt = now,
        NextAttemptAt = now,
    };
}

internal sealed class TestEmailHandler(IMailTransport mail) : IOutboxHandler
{
    public string Kind => TestEmail.Kind;

    public Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var test = JsonSerializer.Deserialize<TestEmail>(message.Payload) ?? throw new InvalidOperationException("Empty payload.");
        return mail.SendAsync(new OutgoingEmail(test.To, test.Subject, test.Text, test.Html) { From = test.From }, ct);
    }
}
