using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Relais.Messaging;

namespace Relais.Web.Messaging;

internal static class MailMessages
{
    /// <summary>A multipart/alternative message: plain text first, HTML second, both UTF-8 in base64.</summary>
    public static MailMessage From(OutgoingEmail email, SmtpOptions options)
    {
        var message = new MailMessage
        {
            From = email.From is { } from
                ? new MailAddress(from.Address, from.Name, Encoding.UTF8)
                : new MailAddress(options.FromAddress, options.FromName, Encoding.UTF8),
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        message.To.Add(new MailAddress(email.To));
        if (email.From?.ReplyTo is { Length: > 0 } replyTo)
        {
            message.ReplyToList.Add(new MailAddress(replyTo));
        }
        if (email.MessageId is { Length: > 0 } id)
        {
            // Stable across attempts, so that a receiver can drop a repeat.
            message.Headers.Add("Message-ID", "<" + id + ">");
        }
        foreach (var (name, value) in email.Headers)
        {
            message.Headers.Add(name, value);
        }
        message.AlternateViews.Add(View(email.Text, MediaTypeNames.Text.Plain));
        message.AlternateViews.Add(View(email.Html, MediaTypeNames.Text.Html));
        return message;
    }

    private static AlternateView View(string content, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(content, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.Base64;
        return view;
    }
}
