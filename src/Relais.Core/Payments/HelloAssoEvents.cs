using System.Text.Json;
using Relais.Giving;
using static Relais.Payments.PaymentNotification;

namespace Relais.Payments;

/// <summary>
/// Reads HelloAsso's notifications ("eventType" Order or Payment, with the checkout intent's
/// metadata at the top). HelloAsso gives no event id, so one is made of the type, the object's id
/// and its state: the same state notified twice is the same event. HelloAsso only collects euros.
/// </summary>
public static class HelloAssoEvents
{
    public const string Currency = "EUR";

    public static PaymentNotification Parse(ReadOnlySpan<byte> body)
    {
        using (var document = DocumentOf(body))
        {
            var root = document.RootElement;
            var type = StringOf(root, "eventType");
            var data = Child(root, "data");
            var objectId = IdOf(data, "id");
            if (string.IsNullOrEmpty(type) || string.IsNullOrEmpty(objectId))
            {
                throw new MalformedNotificationException("A notification needs an eventType and data with an id.");
            }
            var donationId = GuidOf(Child(root, "metadata"), "donationId", DonationIdKey);
            switch (type)
            {
                case "Payment":
                    var state = StringOf(data, "state") ?? "";
                    return new($"Payment:{objectId}:{state}", $"Payment.{state}", PaymentOutcome(state),
                        null, donationId, LongOf(data, "amount"), Currency);
                case "Order":
                    var payments = Child(data, "payments");
                    var authorized = payments.ValueKind == JsonValueKind.Array && payments.GetArrayLength() > 0
                        && payments.EnumerateArray().All(p => StringOf(p, "state") == "Authorized");
                    return new($"Order:{objectId}", "Order", authorized ? DonationStatus.Succeeded : null,
                        IdOf(data, "checkoutIntentId"), donationId, LongOf(Child(data, "amount"), "total"), Currency);
                default:
                    return new($"{type}:{objectId}", type, null, null, donationId, null, null);
            }
        }
    }

    /// <summary>HelloAsso's payment states: authorized counts, refused or canceled fails, refunded comes back out.</summary>
    public static DonationStatus? PaymentOutcome(string state) => state switch
    {
        "Authorized" => DonationStatus.Succeeded,
        "Refused" or "Canceled" => DonationStatus.Failed,
        "Refunded" => DonationStatus.Refunded,
        _ => null,
    };
}
