using System.Globalization;
using System.Text.RegularExpressions;
using Relais.Organizations;

namespace Relais.Sharing;

/// <summary>
/// How long a post may be on each network, counted the way the network counts it, with the
/// supporter's link that is always added to it.
/// </summary>
public static partial class ShareText
{
    /// <summary>The longest text stored or accepted for any network.</summary>
    public const int StoredMax = 2_000;

    /// <summary>
    /// What the added link costs. X and Mastodon count every link as 23 characters; the others count
    /// it as typed, and a relay link (public address, code, slug, network) stays under this allowance.
    /// </summary>
    public const int ShortenedLink = 23;
    public const int LinkAllowance = 60;

    public sealed record Limit(int Max, int LinkCost, bool Weighted);

    /// <summary>Posts reach the network with the link after one separator (a space or a new line).</summary>
    public static Limit LimitOf(string network) => network switch
    {
        ShareNetworks.X => new(280, ShortenedLink + 1, Weighted: true),
        ShareNetworks.Mastodon => new(500, ShortenedLink + 1, Weighted: false),
        ShareNetworks.Bluesky => new(300, LinkAllowance + 1, Weighted: false),
        ShareNetworks.Sms => new(320, LinkAllowance + 1, Weighted: false),
        ShareNetworks.Email => new(StoredMax, 0, Weighted: false),
        // Facebook and LinkedIn take no text from a share link: the supporter pastes it, so a
        // readable length is the only limit.
        _ => new(1_000, 0, Weighted: false),
    };

    /// <summary>The length the network sees: the text, its links shortened where the network does, and the added link.</summary>
    public static int Length(string network, string text)
    {
        var limit = LimitOf(network);
        var shortensLinks = limit.LinkCost == ShortenedLink + 1;
        var length = 0;
        var last = 0;
        if (shortensLinks)
        {
            foreach (Match url in UrlPattern().Matches(text))
            {
                length += Count(text[last..url.Index], limit.Weighted) + ShortenedLink;
                last = url.Index + url.Length;
            }
        }
        return length + Count(text[last..], limit.Weighted) + limit.LinkCost;
    }

    /// <summary>Why the text cannot be a post of this network in this language; empty when it can.</summary>
    public static IReadOnlyList<ShareTextError> Validate(string? network, string? language, string? text)
    {
        var errors = new List<ShareTextError>();
        if (!ShareNetworks.IsKnown(network))
        {
            errors.Add(new(ShareMessages.UnknownNetwork));
        }
        if (!Languages.IsSupported(language))
        {
            errors.Add(new(ShareMessages.UnknownLanguage));
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(ShareMessages.Empty));
        }
        else if (text.Length > StoredMax)
        {
            errors.Add(new(ShareMessages.TooLong, StoredMax));
        }
        else if (ShareNetworks.IsKnown(network) && Length(network!, text) is var length && length > LimitOf(network!).Max)
        {
            errors.Add(new(ShareMessages.TooLongForNetwork, DisplayName(network!), length, LimitOf(network!).Max));
        }
        return errors;
    }

    /// <summary>The network as people name it (the web layer translates "Email").</summary>
    public static string DisplayName(string network) => network switch
    {
        ShareNetworks.X => "X",
        ShareNetworks.Facebook => "Facebook",
        ShareNetworks.WhatsApp => "WhatsApp",
        ShareNetworks.Telegram => "Telegram",
        ShareNetworks.Bluesky => "Bluesky",
        ShareNetworks.Mastodon => "Mastodon",
        ShareNetworks.LinkedIn => "LinkedIn",
        ShareNetworks.Email => "Email",
        ShareNetworks.Sms => "SMS",
        _ => network,
    };

    /// <summary>
    /// X weighs characters: Latin and common punctuation count 1, others (CJK, emoji) 2, an emoji
    /// sequence (flags, skin tones, families) 2 in all. Elsewhere a character is what a reader sees.
    /// </summary>
    private static int Count(string text, bool weighted)
    {
        if (!weighted)
        {
            return new StringInfo(text).LengthInTextElements;
        }
        var total = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var first = char.ConvertToUtf32(element, 0);
            if (IsEmoji(first))
            {
                total += 2;
                continue;
            }
            for (var i = 0; i < element.Length; i += char.IsSurrogatePair(element, i) ? 2 : 1)
            {
                total += IsLight(char.ConvertToUtf32(element, i)) ? 1 : 2;
            }
        }
        return total;
    }

    private static bool IsLight(int codePoint) =>
        codePoint <= 4351 || codePoint is >= 8192 and <= 8205 or >= 8208 and <= 8223 or >= 8242 and <= 8247;

    private static bool IsEmoji(int codePoint) =>
        codePoint is >= 0x1F000 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF;

    [GeneratedRegex(@"https?://[^\s]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}

/// <summary>A message key (English text, translated by the web layer) and its arguments.</summary>
public sealed record ShareTextError(string MessageKey, params object[] Arguments);
