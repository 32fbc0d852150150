using System.Text.Json;
using Relais.Outbox;

namespace Relais.Receipts;

/// <summary>The payload of the thank-you with a receipt: the donation, which also makes the email's Message-ID.</summary>
public sealed record DonationReceiptMessage(Guid DonationId)
{
    /// <summary>The outbox kind; its handler emails the donor.</summary>
    public const string Kind = "email.donation-receipt";

    /// <summary>The outbox row, written in the transaction that records the success.</summary>
    public static OutboxMessage For(Guid organizationId, Guid donationId, DateTimeOffset now) => new()
    {
        OrganizationId = organizationId,
        Kind = Kind,
        Payload = JsonSerializer.Serialize(new DonationReceiptMessage(donationId)),
        CreatedAt = now,
        NextAttemptAt = now,
    };
}
