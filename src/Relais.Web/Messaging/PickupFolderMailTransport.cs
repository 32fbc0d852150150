using System.Net.Mail;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Messaging;

namespace Relais.Web.Messaging;

/// <summary>Writes each email as an .eml file: the default on a laptop, where no mail server runs.</summary>
internal sealed class PickupFolderMailTransport(IOptions<SmtpOptions> options, IOptions<DatabaseOptions> database) : IMailTransport
{
    public string Folder => Path.GetFullPath(options.Value.PickupFolder ?? Path.Combine(database.Value.DataFolder, "mail"));

    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        using var client = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = Folder,
        };
        using var message = MailMessages.From(email, options.Value);
        await client.SendMailAsync(message, ct);
    }
}
