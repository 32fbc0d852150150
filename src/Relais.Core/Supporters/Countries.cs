using System.Globalization;

namespace Relais.Supporters;

/// <summary>Countries offered in forms, named in the visitor's language by .NET's own region data.</summary>
public static class Countries
{
    // ISO 3166-1 alpha-2 codes that .NET knows a region for; built once.
    private static readonly HashSet<string> Known = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => TryRegion(c.Name))
        .Where(r => r is not null && r.TwoLetterISORegionName.Length == 2 && char.IsAsciiLetterUpper(r.TwoLetterISORegionName[0]))
        .Select(r => r!.TwoLetterISORegionName)
        .ToHashSet(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> CultureByRegion = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => (Culture: c.Name, Region: TryRegion(c.Name)?.TwoLetterISORegionName))
        .Where(c => c.Region is not null && Known.Contains(c.Region))
        .GroupBy(c => c.Region!)
        .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Culture.Length).First().Culture, StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is { Length: 2 } && Known.Contains(code);

    public static IReadOnlyCollection<string> Codes => Known;

    /// <summary>The country's name in the given culture, e.g. ("LV", fr) → "Lettonie".</summary>
    public static string Name(string code, CultureInfo culture)
    {
        if (!IsKnown(code))
        {
            return code;
        }
        if (culture.TwoLetterISOLanguageName == "en")
        {
            return new RegionInfo(CultureByRegion[code]).EnglishName;
        }
        // On ICU, RegionInfo.DisplayName gives the country's own name ("Latvija"); a culture's display
        // name, though, is written in the current UI language: "letton (Lettonie)".
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            var displayName = CultureInfo.GetCultureInfo(CultureByRegion[code]).DisplayName;
            var open = displayName.LastIndexOf('(');
            var close = displayName.LastIndexOf(')');
            return open >= 0 && close > open
                ? displayName[(open + 1)..close].Split(',')[^1].Trim()
                : new RegionInfo(CultureByRegion[code]).EnglishName;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static RegionInfo? TryRegion(string cultureName)
    {
        try
        {
            return new RegionInfo(cultureName);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
