namespace Relais.Organizations;

/// <summary>The languages every page and email exists in.</summary>
public static class Languages
{
    public const string French = "fr";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [French, English];

    public static bool IsSupported(string? code) => code is French or English;

    /// <summary>Picks the best supported language for a culture name such as "fr-BE" or "en".</summary>
    public static string Closest(string? cultureName, string fallback = French)
    {
        if (string.IsNullOrWhiteSpace(cultureName))
        {
            return fallback;
        }
        var code = cultureName.Split('-', '_')[0].ToLowerInvariant();
        return IsSupported(code) ? code : fallback;
    }
}
