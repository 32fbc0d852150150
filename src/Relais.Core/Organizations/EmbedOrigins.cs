namespace Relais.Organizations;

/// <summary>
/// The sites allowed to embed an organization's petitions and counters, as origins
/// (scheme://host[:port]) stored one per line. Strict on purpose: each one goes into a
/// Content-Security-Policy frame-ancestors list, so no paths, wildcards, credentials or
/// schemes other than http and https.
/// </summary>
public static class EmbedOrigins
{
    public const int Max = 20;
    public const int TextMax = 2_000;

    /// <summary>The normalized origins of a stored or typed list; false with the first bad entry.</summary>
    public static bool TryParse(string? text, out IReadOnlyList<string> origins, out string? bad)
    {
        var list = new List<string>();
        origins = list;
        bad = null;
        foreach (var entry in (text ?? "").Split(['\n', '\r', ' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Normalize(entry) is not { } origin)
            {
                bad = entry;
                return false;
            }
            if (!list.Contains(origin))
            {
                list.Add(origin);
            }
        }
        if (list.Count > Max)
        {
            bad = list[Max];
            return false;
        }
        return true;
    }

    /// <summary>The stored list, read back (it was validated when saved).</summary>
    public static IReadOnlyList<string> Read(string? stored) =>
        TryParse(stored, out var origins, out _) ? origins : [];

    /// <summary>"https://Example.org:443/" becomes "https://example.org"; anything else than an origin gives null.</summary>
    public static string? Normalize(string? value)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 300 || value.Contains('*') || value.Contains('\\')
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.UserInfo.Length > 0 || string.IsNullOrEmpty(uri.Host)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return null;
        }
        // A trailing "/" alone is tolerated (people paste it); any other path is not an origin.
        var afterAuthority = value[(value.IndexOf("//", StringComparison.Ordinal) + 2)..];
        var slash = afterAuthority.IndexOf('/');
        if (slash >= 0 && slash != afterAuthority.Length - 1)
        {
            return null;
        }
        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.IdnHost}" : $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";
    }
}
