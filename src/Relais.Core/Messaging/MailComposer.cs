using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Relais.Messaging;

/// <summary>An email as it goes on the wire: the envelope and the RFC 5322 bytes.</summary>
public sealed record ComposedEmail(string EnvelopeFrom, string Recipient, string MessageId, byte[] Content);

/// <summary>Fills in what an email leaves open (sender, Message-ID, date) and writes its bytes.</summary>
public sealed class MailComposer(IOptions<SmtpOptions> options, TimeProvider clock)
{
    public ComposedEmail Compose(OutgoingEmail email)
    {
        var settings = options.Value;
        var sender = email.From ?? new MailSender(settings.FromName, settings.FromAddress);
        var from = MimeWriter.Address(sender.Address);
        var messageId = email.MessageId ?? Guid.CreateVersion7().ToString("N") + "@" + from[(from.LastIndexOf('@') + 1)..];
        var content = MimeWriter.Write(email, sender, clock.GetUtcNow(), messageId);
        return new ComposedEmail(from, MimeWriter.Address(email.To), messageId, content);
    }

    /// <summary>For bulk connections: an email that cannot be written becomes a permanent refusal (554).</summary>
    internal static bool TryCompose(MailComposer composer, OutgoingEmail email, [NotNullWhen(true)] out ComposedEmail? composed, out SmtpReply refusal)
    {
        try
        {
            composed = composer.Compose(email);
            refusal = default;
            return true;
        }
        catch (ArgumentException ex)
        {
            composed = null;
            refusal = new SmtpReply(554, "5.6.0 Not sent, Relais cannot write this email: " + ex.Message);
            return false;
        }
    }
}
