using Relais.Organizations;

namespace Relais.Messaging;

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

    public PreparedMessage(
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
