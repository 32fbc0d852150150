using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Relais.Supporters;

namespace Relais.Web.Petitions;

/// <summary>What the public petition form needs beyond the core rules.</summary>
public static class PetitionForms
{
    /// <summary>A filled-in form is under 8 KB; anything far beyond is refused before it is read.</summary>
    public const int MaxBodyBytes = 32 * 1024;

    private static readonly ConcurrentDictionary<string, string> OptionsByCulture = new();

    /// <summary>
    /// The &lt;option&gt; elements of the country list, sorted by name in the visitor's language,
    /// with <paramref name="selected"/> marked. The list is most of the petition page: it is encoded
    /// once per language and only the selected country changes between visitors.
    /// </summary>
    public static IHtmlContent CountryOptions(CultureInfo culture, string? selected)
    {
        var options = OptionsByCulture.GetOrAdd(culture.Name, _ =>
        {
            var comparer = StringComparer.Create(culture, CompareOptions.IgnoreCase);
            var html = new StringBuilder();
            foreach (var (code, name) in Countries.Codes.Select(c => (c, Countries.Name(c, culture))).OrderBy(c => c.Item2, comparer))
            {
                html.Append("<option value=\"").Append(code).Append("\">").Append(HtmlEncoder.Default.Encode(name)).Append("</option>");
            }
            return html.ToString();
        });
        return new HtmlString(Countries.IsKnown(selected)
            ? options.Replace($"value=\"{selected}\">", $"value=\"{selected}\" selected>", StringComparison.Ordinal)
            : options);
    }

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

/// <summary>What the shared petition fields (Pages/Shared/_SignatureFields.cshtml) show.</summary>
public sealed record SignatureFields(Relais.Petitions.SignatureForm Form, string ConsentWording, string EmailUpdatesWording);
