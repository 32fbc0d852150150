using System.Globalization;
using System.Text.Json;
using Relais.Giving;
using static Relais.Payments.PaymentNotification;

namespace Relais.Payments;

/// <summary>Reads PayPal's webhook events about captures (Orders v2) and their amounts.</summary>
public static class PayPalEvents
{
    public static PaymentNotification Parse(ReadOnlySpan<byte> body)
    {
        using (var document = DocumentOf(body))
        {
            var root = document.RootElement;
            var id = StringOf(root, "id");
            var type = StringOf(root, "event_type");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(type))
            {
                throw new MalformedNotificationException("An event needs an id and an event_type.");
            }
            var resource = Child(root, "resource");
            var donationId = GuidOf(resource, "custom_id");
            var orderId = StringOf(Child(Child(resource, "supplementary_data"), "related_ids"), "order_id");
            var amount = Child(resource, "amount");
            var currency = StringOf(amount, "currency_code");
            long? minor = currency is not null && TryMinor(StringOf(amount, "value"), currency, out var m) ? m : null;
            DonationStatus? outcome = type switch
            {
                "PAYMENT.CAPTURE.COMPLETED" => DonationStatus.Succeeded,
                "PAYMENT.CAPTURE.DENIED" or "PAYMENT.CAPTURE.DECLINED" => DonationStatus.Failed,
                "PAYMENT.CAPTURE.REFUNDED" => DonationStatus.Refunded,
                _ => null,
            };
            return new(id, type, outcome, orderId, donationId, outcome is null ? null : minor, outcome is null ? null : currency);
        }
    }

    /// <summary>"10.50" in EUR is 1050 minor units; more decimals than the currency has is refused.</summary>
    public static bool TryMinor(string? value, string currency, out long minor)
    {
        minor = 0;
        if (value is null || !Currencies.IsKnown(currency)
            || !decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var major))
        {
            return false;
        }
        var scaled = major * Currencies.UnitOf(currency);
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue)
        {
            return false;
        }
        minor = (long)scaled;
        return true;
    }

    /// <summary>1050 minor units of EUR is "10.50": PayPal's amount value, with exactly the currency's digits.</summary>
    public static string FormatValue(long minor, string currency)
    {
        var digits = Currencies.DigitsOf(currency);
        var major = (decimal)minor / Currencies.UnitOf(currency);
        return major.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
