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
            From = new MailAddress(options.FromAddress, options.FromName, Encoding.UTF8),
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        message.To.Add(new MailAddress(email.To));
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
