using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Messaging;

namespace Relais.Web.Automations;

/// <summary>Who an organization's emails come from and how they are signed, as set on /admin/settings/email.</summary>
public sealed record SenderIdentity(MailSender From, DkimKey? Dkim);

/// <summary>
/// Resolves an organization's sender for every email it sends (bulk, automatic, transactional):
/// its own name and address when set, otherwise the server-wide Relais:Smtp sender; its DKIM key
/// when all three DKIM settings are present.
/// </summary>
public sealed class SenderIdentities(RelaisDb db, IOptions<SmtpOptions> smtp)
{
    public async Task<SenderIdentity> ForAsync(Guid organizationId, CancellationToken ct)
    {
        var settings = await db.EmailSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganizationId == organizationId, ct);
        return Resolve(settings, smtp.Value);
    }

    public static SenderIdentity Resolve(EmailSettings? settings, SmtpOptions server)
    {
        var name = string.IsNullOrWhiteSpace(settings?.FromName) ? server.FromName : settings.FromName.Trim();
        var address = string.IsNullOrWhiteSpace(settings?.FromAddress) ? server.FromAddress : settings.FromAddress.Trim();
        var replyTo = string.IsNullOrWhiteSpace(settings?.ReplyTo) ? null : settings.ReplyTo.Trim();
        var dkim = settings is { DkimDomain: { Length: > 0 } domain, DkimSelector: { Length: > 0 } selector, DkimPrivateKeyPem: { Length: > 0 } pem }
            ? new DkimKey(domain, selector, pem)
            : null;
        return new SenderIdentity(new MailSender(name, address, replyTo), dkim);
    }
}
