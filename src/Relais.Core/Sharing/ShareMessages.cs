namespace Relais.Sharing;

/// <summary>Message keys of the share kit rules, in English; the web layer translates them.</summary>
public static class ShareMessages
{
    public const string UnknownNetwork = "Choose one of the networks of the list.";
    public const string UnknownLanguage = "Choose French or English.";
    public const string Empty = "Write the text of the post.";
    public const string TooLong = "The post is too long: {0} characters at most.";
    public const string TooLongForNetwork = "The post is too long for {0}: {1} characters with the link, {2} at most.";
    public const string MastodonInstance = "Type the name of your Mastodon server, such as mastodon.social.";
}
