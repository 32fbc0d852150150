using System.Globalization;
using Relais.Supporters;

namespace Relais.Imports;

/// <summary>Reads a country as files write it: an ISO code, or its name in French or English.</summary>
public static class CountryNames
{
    private static readonly Lazy<Dictionary<string, string>> Index = new(Build);

    /// <summary>The ISO 3166-1 alpha-2 code, or null when the text names no known country.</summary>
    public static string? Resolve(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 2 && Countries.IsKnown(trimmed.ToUpperInvariant()))
        {
            return trimmed.ToUpperInvariant();
        }
        return Index.Value.GetValueOrDefault(HeaderGuess.Normalize(trimmed));
    }

    private static Dictionary<string, string> Build()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["uk"] = "GB",
            ["usa"] = "US",
            ["angleterre"] = "GB",
            ["england"] = "GB",
        };
        foreach (var code in Countries.Codes)
        {
            foreach (var culture in new[] { CultureInfo.GetCultureInfo("fr"), CultureInfo.GetCultureInfo("en") })
            {
                index.TryAdd(HeaderGuess.Normalize(Countries.Name(code, culture)), code);
            }
        }
        return index;
    }
}
