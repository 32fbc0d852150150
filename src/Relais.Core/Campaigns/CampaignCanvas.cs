using System.Text.RegularExpressions;
using Relais.Organizations;

namespace Relais.Campaigns;

/// <summary>Limits and checks of the campaign canvas, shared by the editor and the API.</summary>
public static partial class CampaignCanvas
{
    public const int TitleMax = 160;
    public const int ShortFieldMax = 2_000;
    public const int StoryMax = 20_000;
    public const int SlugMax = 80;
    public const int HashtagMax = 60;

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\z")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^#?[\p{L}\p{N}_]+\z")]
    private static partial Regex HashtagPattern();

    public static bool IsValidSlug(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= SlugMax && SlugPattern().IsMatch(slug);

    public static bool IsValidHashtag(string? hashtag) =>
        string.IsNullOrEmpty(hashtag) || (hashtag.Length <= HashtagMax && HashtagPattern().IsMatch(hashtag));

    /// <summary>Always stored with its leading '#'.</summary>
    public static string? NormalizeHashtag(string? hashtag) =>
        string.IsNullOrWhiteSpace(hashtag) ? null : "#" + hashtag.Trim().TrimStart('#');

    /// <summary>Parses "fr, en" into supported language codes, main language first, no repeats.</summary>
    public static IReadOnlyList<string> ParseLanguages(IEnumerable<string> codes) =>
        codes.Select(c => c.Trim().ToLowerInvariant()).Where(Languages.IsSupported).Distinct().ToList();

    /// <summary>Makes a URL slug from a title: lower case, accents dropped, words joined by '-'.</summary>
    public static string SlugFrom(string title)
    {
        var decomposed = title.Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark
                && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > SlugMax)
        {
            slug = slug[..SlugMax].TrimEnd('-');
        }
        return slug.Length == 0 ? "campaign" : slug;
    }
}
