namespace Relais.Messaging;

/// <summary>
/// The templates of a message's versions, with counted links numbered across all versions (the
/// versions in ordinal order of their language), so that one /m/{token}/{index} names the same
/// <see cref="MessageLink"/> whichever version a person received.
/// </summary>
public static class MessageTemplates
{
    public static (IReadOnlyDictionary<string, MergeTemplate> Templates, IReadOnlyList<MessageLink> Links) Parse(
        Message message, IEnumerable<MessageVersion> versions)
    {
        var templates = new Dictionary<string, MergeTemplate>();
        var links = new List<MessageLink>();
        foreach (var version in versions.OrderBy(v => v.Language, StringComparer.Ordinal))
        {
            if (MergeTemplate.Parse(version.Subject, version.Preheader, version.Body, message.TrackClicks, links.Count).Template is not { } template)
            {
                continue;
            }
            templates[version.Language] = template;
            foreach (var url in template.Links)
            {
                links.Add(new MessageLink { MessageId = message.Id, Index = links.Count, Url = url });
            }
        }
        return (templates, links);
    }
}
