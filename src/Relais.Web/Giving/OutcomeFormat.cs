using Relais.Giving;

namespace Relais.Web.Giving;

public static class OutcomeFormat
{
    /// <summary>A figure as money when it carries a currency, as a count otherwise.</summary>
    public static string Figure(CampaignOutcome outcome, IFormatProvider culture) =>
        outcome.Currency is { } currency && Currencies.IsKnown(currency)
            ? new Money(outcome.Figure, currency).Format(culture)
            : outcome.Figure.ToString("N0", culture);
}
