using System.Text.Json;
using Relais.Giving;
using static Relais.Payments.PaymentNotification;

namespace Relais.Payments;

/// <summary>Reads Stripe's events about Checkout Sessions and charges.</summary>
public static class StripeEvents
{
    public static PaymentNotification Parse(ReadOnlySpan<byte> body)
    {
        using (var document = DocumentOf(body))
        {
            var root = document.RootElement;
            var id = StringOf(root, "id");
            var type = StringOf(root, "type");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(type))
            {
                throw new MalformedNotificationException("An event needs an id and a type.");
            }
            var data = Child(Child(root, "data"), "object");
            var metadata = Child(data, "metadata");
            var donationId = GuidOf(metadata, DonationIdKey) ?? GuidOf(data, "client_reference_id");
            var currency = StringOf(data, "currency")?.ToUpperInvariant();
            return type switch
            {
                "checkout.session.completed" => new(id, type,
                    // A delayed method (SEPA debit) completes the session unpaid; its async_* event settles it later.
                    StringOf(data, "payment_status") == "paid" ? DonationStatus.Succeeded : null,
                    StringOf(data, "id"), donationId, LongOf(data, "amount_total"), currency),
                "checkout.session.async_payment_succeeded" => new(id, type, DonationStatus.Succeeded,
                    StringOf(data, "id"), donationId, LongOf(data, "amount_total"), currency),
                "checkout.session.async_payment_failed" or "checkout.session.expired" => new(id, type, DonationStatus.Failed,
                    StringOf(data, "id"), donationId, LongOf(data, "amount_total"), currency),
                // Only a full refund takes the gift out of the totals; a partial one is recorded.
                "charge.refunded" => new(id, type,
                    BoolOf(data, "refunded") == true ? DonationStatus.Refunded : null,
                    null, donationId, LongOf(data, "amount"), currency),
                _ => new(id, type, null, null, donationId, null, null),
            };
        }
    }
}
