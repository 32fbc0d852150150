using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using Relais.Messaging;

namespace Relais.Web.Messaging;

/// <summary>Delivers through an SMTP server with System.Net.Mail (MailKit is not available here).</summary>
internal sealed class SmtpMailTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        var settings = options.Value;
        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            EnableSsl = settings.EnableSsl,
            Timeout = settings.TimeoutSeconds * 1000,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        }
        using var message = MailMessages.From(email, settings);
        await client.SendMailAsync(message, ct);
    }
}
