using System.Globalization;

namespace Relais.Giving;

public enum AmountError
{
    None,
    Missing,
    Malformed,
    NotPositive,
    TooManyDecimals,
    TooLarge,
}

/// <summary>
/// Reads an amount typed by a person: "10", "10,50" (French decimal comma), "10.50", "1 000,50",
/// "1.000,50", "1,000.50", with or without a currency symbol. Refuses zero, negatives, more
/// decimals than the currency has and amounts above the ceiling.
/// </summary>
public static class MoneyParser
{
    /// <summary>The default ceiling of one gift: one million in major units.</summary>
    public const long DefaultMaxMajor = 1_000_000;

    public static bool TryParse(string? text, string currency, out long minor, out AmountError error, long? maxMinor = null)
    {
        minor = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = AmountError.Missing;
            return false;
        }
        var cleaned = Clean(text, currency);
        if (cleaned.StartsWith('-'))
        {
            error = AmountError.NotPositive;
            return false;
        }
        if (!Split(cleaned, out var whole, out var fraction))
        {
            error = AmountError.Malformed;
            return false;
        }
        var digits = Currencies.DigitsOf(currency);
        fraction = fraction.TrimEnd('0');
        if (fraction.Length > digits)
        {
            error = AmountError.TooManyDecimals;
            return false;
        }
        whole = whole.TrimStart('0');
        if (whole.Length > 13)
        {
            error = AmountError.TooLarge;
            return false;
        }
        var unit = Currencies.UnitOf(currency);
        var value = (whole.Length == 0 ? 0 : long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture)) * unit
            + (fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(digits, '0'), NumberStyles.None, CultureInfo.InvariantCulture));
        if (value <= 0)
        {
            error = AmountError.NotPositive;
            return false;
        }
        if (value > (maxMinor ?? DefaultMaxMajor * unit))
        {
            error = AmountError.TooLarge;
            return false;
        }
        minor = value;
        error = AmountError.None;
        return true;
    }

    private static string Clean(string text, string currency)
    {
        var s = text.Trim();
        foreach (var token in new[] { currency, Money.SymbolOf(currency), "€", "$", "£", "EUR" })
        {
            s = s.Replace(token, "", StringComparison.OrdinalIgnoreCase);
        }
        // Spaces of every kind (French groups thousands with a narrow no-break space) and Swiss apostrophes.
        return new string(s.Where(c => !char.IsWhiteSpace(c) && c is not ('\'' or '’' or '\u202F' or '\u00A0')).ToArray());
    }

    /// <summary>
    /// When both '.' and ',' appear, the last one is the decimal separator. When one kind appears
    /// once and is followed by exactly three digits it groups thousands ("1.000", "2,500"): no
    /// currency here has three decimals. Otherwise a single separator carries the decimals.
    /// </summary>
    private static bool Split(string s, out string whole, out string fraction)
    {
        whole = fraction = "";
        if (s.Length == 0 || s.Any(c => !char.IsAsciiDigit(c) && c is not ('.' or ',')))
        {
            return false;
        }
        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        int decimalAt;
        if (lastDot >= 0 && lastComma >= 0)
        {
            decimalAt = Math.Max(lastDot, lastComma);
        }
        else if (lastDot < 0 && lastComma < 0)
        {
            decimalAt = -1;
        }
        else
        {
            var at = Math.Max(lastDot, lastComma);
            var once = s.IndexOf(s[at]) == at;
            var groupsThousands = s.Length - at - 1 == 3 && at > 0 && s[0] != '0';
            decimalAt = once && !groupsThousands ? at : -1;
        }
        var integerPart = decimalAt >= 0 ? s[..decimalAt] : s;
        fraction = decimalAt >= 0 ? s[(decimalAt + 1)..] : "";
        if (fraction.Any(c => !char.IsAsciiDigit(c)) || (decimalAt >= 0 && fraction.Length == 0))
        {
            return false;
        }
        if (!ValidGroups(integerPart))
        {
            return false;
        }
        whole = integerPart.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return whole.Length > 0 || fraction.Length > 0;
    }

    private static bool ValidGroups(string integerPart)
    {
        if (!integerPart.Any(c => c is '.' or ','))
        {
            return true;
        }
        if (integerPart.Contains('.') && integerPart.Contains(','))
        {
            return false;
        }
        var groups = integerPart.Split('.', ',');
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }
}
