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

    public static bool IsKnown(string? code) => code is { Length: 2 } && Known.Contains(code);

    public static IReadOnlyCollection<string> Codes => Known;

    /// <summary>The country's name in the given culture, e.g. ("LV", fr) → "Lettonie".</summary>
    public static string Name(string code, CultureInfo culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            // RegionInfo.DisplayName follows the current UI culture.
            CultureInfo.CurrentUICulture = culture;
            return new RegionInfo(code).DisplayName;
        }
        catch (ArgumentException)
        {
            return code;
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
