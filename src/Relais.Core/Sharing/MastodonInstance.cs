using System.Globalization;

namespace Relais.Sharing;

/// <summary>The Mastodon server a supporter names ("mastodon.social"), reduced to a bare host name.</summary>
public static class MastodonInstance
{
    public const int MaxLength = 253;

    private static readonly IdnMapping Idn = new();

    /// <summary>
    /// Accepts "mastodon.social", "https://mastodon.social/" or "@me@mastodon.social"; refuses
    /// anything that is not a DNS host name with a dot (addresses, ports, paths, user info).
    /// </summary>
    public static bool TryNormalize(string? input, out string host)
    {
        host = "";
        var value = input?.Trim() ?? "";
        if (value.Length is 0 or > MaxLength + 10)
        {
            return false;
        }
        if (value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            value = value["https://".Length..];
        }
        else if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            value = value["http://".Length..];
        }
        value = value.TrimEnd('/');
        // A handle such as @me@mastodon.social names its server after the last @.
        if (value.StartsWith('@') && value.LastIndexOf('@') is var at and > 0)
        {
            value = value[(at + 1)..];
        }
        string ascii;
        try
        {
            ascii = Idn.GetAscii(value).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return false;
        }
        if (ascii.Length > MaxLength || !ascii.Contains('.') || Uri.CheckHostName(ascii) != UriHostNameType.Dns)
        {
            return false;
        }
        foreach (var label in ascii.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-'
                || !label.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            {
                return false;
            }
        }
        if (ascii.Split('.')[^1].All(char.IsAsciiDigit))
        {
            return false;
        }
        host = ascii;
        return true;
    }
}
