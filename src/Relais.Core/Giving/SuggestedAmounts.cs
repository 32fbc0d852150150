using System.Globalization;

namespace Relais.Giving;

/// <summary>
/// The suggested amounts of a fundraiser as an organizer types them ("10, 25, 50"): a comma followed
/// by a space, a semicolon or a new line separates amounts, so that "10,50" stays one amount with
/// French decimals. The order typed is the order shown.
/// </summary>
public static class SuggestedAmounts
{
    public const int Max = 8;

    public static bool TryParse(string? text, string currency, out IReadOnlyList<long> amounts, out AmountError error)
    {
        amounts = [];
        var parts = (text ?? "").Replace("\r", "", StringComparison.Ordinal)
            .Split([", ", ",\t", ";", "\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Length > 0)
            .ToList();
        if (parts.Count == 0)
        {
            error = AmountError.Missing;
            return false;
        }
        if (parts.Count > Max)
        {
            error = AmountError.TooLarge;
            return false;
        }
        var list = new List<long>(parts.Count);
        foreach (var part in parts)
        {
            if (!MoneyParser.TryParse(part, currency, out var minor, out error))
            {
                return false;
            }
            if (!list.Contains(minor))
            {
                list.Add(minor);
            }
        }
        amounts = list;
        error = AmountError.None;
        return true;
    }

    /// <summary>The amounts as an organizer types them, in their culture: "10, 25, 50" or "10,50, 25".</summary>
    public static string Format(IEnumerable<long> amounts, string currency, IFormatProvider culture) =>
        string.Join(", ", amounts.Select(a => Major(a, currency, culture)));

    /// <summary>An amount without its symbol, whole amounts without decimals: "10" or "10,50".</summary>
    public static string Major(long minor, string currency, IFormatProvider culture)
    {
        var unit = Currencies.UnitOf(currency);
        var digits = minor % unit == 0 ? 0 : Currencies.DigitsOf(currency);
        return ((decimal)minor / unit).ToString("F" + digits.ToString(CultureInfo.InvariantCulture), culture);
    }

    public static string ToStored(IEnumerable<long> amounts) =>
        string.Join(",", amounts.Select(a => a.ToString(CultureInfo.InvariantCulture)));
}
