using Microsoft.Extensions.Options;
using Relais.Messaging;

namespace Relais.Web.Messaging;

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
}
