using System.Globalization;

namespace Relais.Giving;

/// <summary>An amount in integer minor units (cents) of a currency; never a floating-point number.</summary>
public readonly record struct Money(long Minor, string Currency)
{
    /// <summary>"10 €", "10,50 €" or "€10.50" depending on the culture; whole amounts without decimals.</summary>
    public string Format(IFormatProvider culture)
    {
        var digits = Currencies.DigitsOf(Currency);
        var unit = Currencies.UnitOf(Currency);
        var format = (NumberFormatInfo)NumberFormatInfo.GetInstance(culture).Clone();
        format.CurrencySymbol = SymbolOf(Currency);
        format.CurrencyDecimalDigits = Minor % unit == 0 ? 0 : digits;
        return ((decimal)Minor / unit).ToString("C", format);
    }

    public override string ToString() => Format(CultureInfo.InvariantCulture);

    public static string SymbolOf(string currency) => currency switch
    {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        "JPY" => "¥",
        _ => currency,
    };
}
