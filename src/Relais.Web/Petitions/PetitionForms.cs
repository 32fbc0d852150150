using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Relais.Supporters;

namespace Relais.Web.Petitions;

/// <summary>What the public petition form needs beyond the core rules.</summary>
public static class PetitionForms
{
    /// <summary>A filled-in form is under 8 KB; anything far beyond is refused before it is read.</summary>
    public const int MaxBodyBytes = 32 * 1024;

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> OptionsByCulture = new();

    /// <summary>Countries sorted by their name in the visitor's language.</summary>
    public static IReadOnlyList<(string Code, string Name)> CountryOptions(CultureInfo culture) =>
        OptionsByCulture.GetOrAdd(culture.Name, _ =>
        {
            var comparer = StringComparer.Create(culture, CompareOptions.IgnoreCase);
            return Countries.Codes
                .Select(code => (code, Countries.Name(code, culture)))
                .OrderBy(c => c.Item2, comparer)
                .ToList();
        });

    /// <summary>Pre-selects the country of the browser's first language with a region ("fr-BE" → BE).</summary>
    public static string? GuessCountry(StringValues acceptLanguage)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptLanguage, out var languages))
        {
            return null;
        }
        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
        {
            var parts = language.Value.Value?.Split('-');
            if (parts is { Length: >= 2 } && parts[1].Length == 2 && Countries.IsKnown(parts[1].ToUpperInvariant()))
            {
                return parts[1].ToUpperInvariant();
            }
        }
        return null;
    }
}

/// <summary>Message keys of the public petition form beyond the field rules.</summary>
public static class PetitionMessages
{
    public const string Closed = "This petition is closed and no longer takes signatures.";
    public const string Expired = "Your form had expired. Please check your details and sign again.";
}
