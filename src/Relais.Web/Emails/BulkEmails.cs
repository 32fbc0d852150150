using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Localization;

namespace Relais.Web.Emails;

/// <summary>Resource keys of the words around a bulk email.</summary>
public static class BulkEmailMessages
{
    public const string Reason = "You receive this email because you asked {0} to keep you informed.";
    public const string Unsubscribe = "Unsubscribe";
    public const string Preferences = "Manage my preferences";
}

/// <summary>Prepares messages for the sender.</summary>
public sealed class BulkEmails(RelaisDb db, RecipientLinks links, IStringLocalizer<SharedResource> localizer, IOptions<PublicUrlOptions> url)
{
    public async Task<PreparedMessage?> PrepareAsync(Guid messageId, CancellationToken ct)
    {
        var message = await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == messageId, ct);
        if (message is null)
        {
            return null;
        }
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == message.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var settings = await db.EmailSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganizationId == message.OrganizationId, ct);
        var versions = await db.MessageVersions.AsNoTracking().Where(v => v.MessageId == messageId).ToListAsync(ct);
        var parsed = MessageTemplates.Parse(message, versions).Templates;
        // The organization's main language first: it stands in for a missing version.
        var templates = parsed.OrderBy(t => t.Key == Languages.French ? 0 : 1).ToDictionary(t => t.Key, t => t.Value);
        if (templates.Count == 0)
        {
            return null;
        }
        var footers = new Dictionary<string, (string, string, string)>();
        foreach (var language in templates.Keys)
        {
            footers[language] = Footer(language, organization);
        }
        return new PreparedMessage(message, organization, settings, templates, footers, links, new Uri(url.Value.PublicUrl).Host);
    }

    private (string, string, string) Footer(string language, string organization) => InLanguage.Run(language, () =>
        (localizer[BulkEmailMessages.Reason, organization].Value, localizer[BulkEmailMessages.Unsubscribe].Value, localizer[BulkEmailMessages.Preferences].Value));

    /// <summary>The footer of a bulk email as the sender writes it, for a preview that must look the same.</summary>
    public EmailFooter Footer(string language, string organization, MergeValues values)
    {
        var (reason, unsubscribe, preferences) = Footer(language, organization);
        return new EmailFooter(organization, reason, unsubscribe, values.UnsubscribeLink, preferences, values.PreferencesLink);
    }
}
