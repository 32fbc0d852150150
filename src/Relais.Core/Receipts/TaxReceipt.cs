using Relais.Organizations;

namespace Relais.Receipts;

/// <summary>
/// The yearly French tax receipt of one donor (Cerfa 11580): one per organization, year and
/// supporter, numbered once. Regenerating refreshes the figures and keeps the number.
/// </summary>
public sealed class TaxReceipt : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public int Year { get; set; }
    public Guid SupporterId { get; set; }

    /// <summary>The "numéro d'ordre du reçu": sequential per organization and year.</summary>
    public int Number { get; set; }

    public string DonorName { get; set; } = "";
    public string DonorStreetAddress { get; set; } = "";
    public string DonorPostalCode { get; set; } = "";
    public string DonorCity { get; set; } = "";
    public string? DonorCountry { get; set; }

    /// <summary>The sum of the donor's succeeded, not refunded gifts in euros that year, in cents.</summary>
    public long AmountMinor { get; set; }
    public int DonationCount { get; set; }
    public DateOnly FirstPaidOn { get; set; }
    public DateOnly LastPaidOn { get; set; }

    /// <summary>The Cerfa payment modes used, comma-separated names of <see cref="CerfaPaymentMode"/>.</summary>
    public string PaymentModes { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string Reference => ReceiptNumbers.Format(Year, Number);

    public IReadOnlyList<CerfaPaymentMode> Modes =>
        PaymentModes.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(m => Enum.TryParse<CerfaPaymentMode>(m, out var mode) ? mode : CerfaPaymentMode.TransferDebitCard)
            .Distinct()
            .ToList();
}
