using System.Text;
using Relais.Giving;
using Relais.Payments;

namespace Relais.Core.Tests.Payments;

public sealed class PaymentEventsTests
{
    private static readonly Guid DonationId = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");

    [Theory]
    [InlineData("checkout.session.completed", "paid", DonationStatus.Succeeded)]
    [InlineData("checkout.session.completed", "unpaid", null)]
    [InlineData("checkout.session.async_payment_succeeded", "paid", DonationStatus.Succeeded)]
    [InlineData("checkout.session.async_payment_failed", "unpaid", DonationStatus.Failed)]
    [InlineData("checkout.session.expired", "unpaid", DonationStatus.Failed)]
    [InlineData("customer.created", "paid", null)]
    public void Stripe_SessionEvents_Outcome(string type, string paymentStatus, DonationStatus? outcome)
    {
        var body = $$$$$"""{"id":"evt_1","type":"{{{{{type}}}}}","data":{"object":{"id":"cs_1","amount_total":1050,"currency":"eur","payment_status":"{{{{{paymentStatus}}}}}","metadata":{"donation_id":"{{{{{DonationId}}}}}"}}}}""";
        var notification = StripeEvents.Parse(Encoding.UTF8.GetBytes(body));
        Assert.Equal(outcome, notification.Outcome);
        Assert.Equal("evt_1", notification.EventId);
        Assert.Equal(DonationId, notification.DonationId);
        if (outcome is not null)
        {
            Assert.Equal("cs_1", notification.ProviderReference);
            Assert.Equal(1050, notification.AmountMinor);
            Assert.Equal("EUR", notification.Currency);
        }
    }

    [Theory]
    [InlineData(true, DonationStatus.Refunded)]
    [InlineData(false, null)]
    public void Stripe_ChargeRefunded_OnlyFullRefundMoves(bool full, DonationStatus? outcome)
    {
        var body = $$$$$"""{"id":"evt_2","type":"charge.refunded","data":{"object":{"id":"ch_1","amount":1050,"amount_refunded":500,"refunded":{{{{{(full ? "true" : "false")}}}}},"currency":"eur","metadata":{"donation_id":"{{{{{DonationId}}}}}"}}}}""";
        var notification = StripeEvents.Parse(Encoding.UTF8.GetBytes(body));
        Assert.Equal(outcome, notification.Outcome);
        Assert.Equal(DonationId, notification.DonationId);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\":\"charge.refunded\"}")]
    public void Stripe_Unreadable_Throws(string body) =>
        Assert.Throws<MalformedNotificationException>(() => StripeEvents.Parse(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("Authorized", DonationStatus.Succeeded)]
    [InlineData("Refused", DonationStatus.Failed)]
    [InlineData("Refunded", DonationStatus.Refunded)]
    [InlineData("WaitingBankValidation", null)]
    public void HelloAsso_PaymentStates_Outcome(string state, DonationStatus? outcome)
    {
        var body = $$$$$"""{"data":{"order":{"id":22707,"formType":"Checkout"},"id":15222,"amount":1000,"state":"{{{{{state}}}}}"},"eventType":"Payment","metadata":{"donationId":"{{{{{DonationId}}}}}"}}""";
        var notification = HelloAssoEvents.Parse(Encoding.UTF8.GetBytes(body));
        Assert.Equal(outcome, notification.Outcome);
        Assert.Equal($"Payment:15222:{state}", notification.EventId);
        Assert.Equal(DonationId, notification.DonationId);
        Assert.Equal(1000, notification.AmountMinor);
        Assert.Equal("EUR", notification.Currency);
    }

    [Fact]
    public void HelloAsso_OrderAllAuthorized_SucceedsWithCheckoutIntent()
    {
        var body = """{"data":{"checkoutIntentId":4567,"amount":{"total":2000},"payments":[{"id":1,"amount":2000,"state":"Authorized"}],"id":20499},"eventType":"Order"}""";
        var notification = HelloAssoEvents.Parse(Encoding.UTF8.GetBytes(body));
        Assert.Equal(DonationStatus.Succeeded, notification.Outcome);
        Assert.Equal("4567", notification.ProviderReference);
        Assert.Equal(2000, notification.AmountMinor);
        Assert.Null(notification.DonationId);
    }

    [Theory]
    [InlineData("PAYMENT.CAPTURE.COMPLETED", DonationStatus.Succeeded)]
    [InlineData("PAYMENT.CAPTURE.DENIED", DonationStatus.Failed)]
    [InlineData("PAYMENT.CAPTURE.REFUNDED", DonationStatus.Refunded)]
    [InlineData("CHECKOUT.ORDER.APPROVED", null)]
    public void PayPal_CaptureEvents_Outcome(string type, DonationStatus? outcome)
    {
        var body = $$$$$"""{"id":"WH-1","event_type":"{{{{{type}}}}}","resource":{"id":"CAP-1","amount":{"currency_code":"EUR","value":"10.50"},"custom_id":"{{{{{DonationId}}}}}","supplementary_data":{"related_ids":{"order_id":"ORDER-1"}}}}""";
        var notification = PayPalEvents.Parse(Encoding.UTF8.GetBytes(body));
        Assert.Equal(outcome, notification.Outcome);
        Assert.Equal(DonationId, notification.DonationId);
        Assert.Equal("ORDER-1", notification.ProviderReference);
        if (outcome is not null)
        {
            Assert.Equal(1050, notification.AmountMinor);
        }
    }

    [Theory]
    [InlineData("10.50", "EUR", true, 1050)]
    [InlineData("10", "EUR", true, 1000)]
    [InlineData("10.505", "EUR", false, 0)]
    [InlineData("1000", "JPY", true, 1000)]
    [InlineData("-1", "EUR", false, 0)]
    [InlineData("abc", "EUR", false, 0)]
    public void PayPal_TryMinor(string value, string currency, bool ok, long minor)
    {
        Assert.Equal(ok, PayPalEvents.TryMinor(value, currency, out var parsed));
        Assert.Equal(minor, parsed);
    }

    [Theory]
    [InlineData(1050, "EUR", "10.50")]
    [InlineData(1000, "EUR", "10.00")]
    [InlineData(5, "EUR", "0.05")]
    [InlineData(1000, "JPY", "1000")]
    public void PayPal_FormatValue(long minor, string currency, string value) =>
        Assert.Equal(value, PayPalEvents.FormatValue(minor, currency));

    [Fact]
    public void Matches_OtherAmountOrCurrency_False()
    {
        var donation = new Donation { Provider = "stripe", IdempotencyKey = "k", AmountMinor = 1000, Currency = "EUR" };
        Assert.True(new PaymentNotification("e", "t", null, null, null, 1000, "eur").Matches(donation));
        Assert.False(new PaymentNotification("e", "t", null, null, null, 1, "EUR").Matches(donation));
        Assert.False(new PaymentNotification("e", "t", null, null, null, 1000, "USD").Matches(donation));
        Assert.False(new PaymentNotification("e", "t", null, null, null, null, null).Matches(donation));
    }
}
