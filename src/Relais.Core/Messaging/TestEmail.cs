using System.Text.Json;
using Relais.Outbox;

namespace Relais.Messaging;

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
