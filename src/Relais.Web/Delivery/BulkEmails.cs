using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Localization;
using Relais.Web.Messaging;

namespace Relais.Web.Delivery;

/// <summary>Resource keys of the words around a bulk email.</summary>
public static class BulkEmailMessages
{
    public const string Reason = "You receive this email because you asked {0} to keep you informed.";
    public const string Unsubscribe = "Unsubscribe";
    public const string Preferences = "Manage my preferences";
}

/// <summary>
/// One message ready to render: its templates parsed once per language, its sender, and the
/// footer words per language. Rendering a recipient then only fills slots.
/// </summary>
public sealed class PreparedMessage
{
    private readonly Dictionary<string, MergeTemplate> _templates;
    private readonly Dictionary<string, (string Reason, string Unsubscribe, string Preferences)> _footers;
    private readonly RecipientLinks _links;
    private readonly string _host;

    internal PreparedMessage(
        Message message, string organizationName, EmailSettings? settings, Dictionary<string, MergeTemplate> templates,
        Dictionary<string, (string, string, string)> footers, RecipientLinks links, string host)
    {
        Message = message;
        OrganizationName = organizationName;
        Settings = settings;
        _templates = templates;
        _footers = footers;
        _links = links;
        _host = host;
    }

    public Message Message { get; }
    public string OrganizationName { get; }
    public EmailSettings? Settings { get; }

    public OutgoingEmail Render(long recipientId, Recipient recipient)
    {
        var language = _templates.ContainsKey(recipient.Language) ? recipient.Language : _templates.Keys.First();
        var values = Message.TrackClicks ? recipient.Values with { TrackedLinkPrefix = _links.TrackedLinkPrefix(recipientId) } : recipient.Values;
        var rendered = _templates[language].Render(values);
        if (Message.TrackOpens)
        {
            rendered = rendered with { Html = rendered.Html + "<img src=\"" + System.Net.WebUtility.HtmlEncode(_links.OpenPixel(recipientId)) + "\" width=\"1\" height=\"1\" alt=\"\">" };
        }
        var words = _footers[language];
        var footer = new EmailFooter(OrganizationName, words.Reason, words.Unsubscribe, values.UnsubscribeLink, words.Preferences, values.PreferencesLink);
        return EmailLayout.Wrap(recipient.Email, rendered, language, footer) with
        {
            From = Settings is { FromAddress: { Length: > 0 } address }
                ? new MailSender(string.IsNullOrWhiteSpace(Settings.FromName) ? OrganizationName : Settings.FromName, address, Settings.ReplyTo)
                : null,
            MessageId = DeliveryRules.MessageId(recipientId, Message.Id, _host),
            Headers =
            [
                new("List-Unsubscribe", "<" + values.UnsubscribeLink + ">"),
                new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                new("Precedence", "bulk"),
            ],
            Dkim = Settings is { DkimDomain: { Length: > 0 } domain, DkimSelector: { Length: > 0 } selector, DkimPrivateKeyPem: { Length: > 0 } pem }
                ? new DkimKey(domain, selector, pem)
                : null,
        };
    }
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
