namespace Relais.Giving;

/// <summary>
/// The currencies a fundraiser may collect in, with the number of digits of their minor unit
/// (ISO 4217). Amounts are always stored as integer minor units beside their code.
/// </summary>
public static class Currencies
{
    public const string Default = "EUR";

    private static readonly Dictionary<string, int> MinorDigits = new(StringComparer.Ordinal)
    {
        ["EUR"] = 2,
        ["USD"] = 2,
        ["GBP"] = 2,
        ["CHF"] = 2,
        ["CAD"] = 2,
        ["SEK"] = 2,
        ["NOK"] = 2,
        ["DKK"] = 2,
        ["PLN"] = 2,
        ["CZK"] = 2,
        ["RON"] = 2,
        ["JPY"] = 0,
        ["XOF"] = 0,
        ["XAF"] = 0,
    };

    public static IReadOnlyCollection<string> All => MinorDigits.Keys;

    public static bool IsKnown(string? code) => code is not null && MinorDigits.ContainsKey(code);

    /// <summary>Digits after the decimal separator: 2 for EUR (cents), 0 for JPY.</summary>
    public static int DigitsOf(string code) =>
        MinorDigits.TryGetValue(code, out var digits) ? digits : throw new ArgumentException($"Unknown currency {code}.", nameof(code));

    /// <summary>How many minor units make one major unit: 100 for EUR.</summary>
    public static long UnitOf(string code)
    {
        long unit = 1;
        for (var i = 0; i < DigitsOf(code); i++)
        {
            unit *= 10;
        }
        return unit;
    }
}
