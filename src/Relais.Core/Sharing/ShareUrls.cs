namespace Relais.Sharing;

/// <summary>
/// The address that opens a network's own share window with the supporter's text and link. Every
/// value is percent-encoded as UTF-8, so accents, emoji, #hashtags, &amp; and new lines arrive as typed.
/// </summary>
public static class ShareUrls
{
    /// <summary>
    /// The share address, or null when the network is unknown or, for Mastodon, the instance is
    /// not a host name (see <see cref="MastodonInstance.TryNormalize"/>).
    /// </summary>
    public static string? For(string network, string text, string link, string subject = "", string? mastodonInstance = null)
    {
        text = (text ?? "").Trim().ReplaceLineEndings("\n");
        return network switch
        {
            ShareNetworks.X => "https://twitter.com/intent/tweet?text=" + E(Join(text, " ", link)),
            ShareNetworks.Facebook => "https://www.facebook.com/sharer/sharer.php?u=" + E(link),
            ShareNetworks.WhatsApp => "https://wa.me/?text=" + E(Join(text, "\n\n", link)),
            ShareNetworks.Telegram => "https://t.me/share/url?url=" + E(link) + "&text=" + E(text),
            ShareNetworks.Bluesky => "https://bsky.app/intent/compose?text=" + E(Join(text, " ", link)),
            ShareNetworks.Mastodon => MastodonInstance.TryNormalize(mastodonInstance, out var host)
                ? "https://" + host + "/share?text=" + E(Join(text, " ", link))
                : null,
            ShareNetworks.LinkedIn => "https://www.linkedin.com/sharing/share-offsite/?url=" + E(link),
            // RFC 6068: line breaks in a mailto body are CRLF, percent-encoded like the rest.
            ShareNetworks.Email => "mailto:?subject=" + E(subject.ReplaceLineEndings(" ")) + "&body="
                + E(Join(text, "\n\n", link).ReplaceLineEndings("\r\n")),
            ShareNetworks.Sms => "sms:?&body=" + E(Join(text, " ", link)),
            _ => null,
        };
    }

    /// <summary>Whether the network's share window takes the text; Facebook and LinkedIn take only the link.</summary>
    public static bool TakesText(string network) => network is not (ShareNetworks.Facebook or ShareNetworks.LinkedIn);

    private static string Join(string text, string separator, string link) =>
        text.Length == 0 ? link : text + separator + link;

    private static string E(string value) => Uri.EscapeDataString(value);
}
