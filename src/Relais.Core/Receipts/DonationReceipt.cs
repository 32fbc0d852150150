using Relais.Organizations;

namespace Relais.Receipts;

/// <summary>
/// The receipt of one succeeded donation, numbered in the organization's sequence of its year, made
/// in the transaction that records the success; the thank-you email carries its number.
/// </summary>
public sealed class DonationReceipt : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid DonationId { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>When the thank-you email was handed to the mail server; a repeat of the outbox sends nothing more.</summary>
    public DateTimeOffset? EmailedAt { get; set; }

    public string Reference => ReceiptNumbers.Format(Year, Number);
}
