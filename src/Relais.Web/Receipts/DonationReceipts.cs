using Relais.Data;
using Relais.Giving;
using Relais.Receipts;

namespace Relais.Web.Receipts;

/// <summary>
/// When a donation succeeds, numbers its receipt and queues the thank-you email, in the ledger's
/// transaction: a success is always thanked once, a rolled-back one never, and a replayed
/// delivery (which the ledger does not move) queues nothing.
/// </summary>
internal sealed class DonationReceipts : IDonationObserver
{
    public async Task OnMovedAsync(RelaisDb db, DonationMove move, CancellationToken ct)
    {
        if (move.To != DonationStatus.Succeeded)
        {
            return;
        }
        var donation = move.Donation;
        var year = move.At.UtcDateTime.Year;
        var number = await ReceiptNumbers.NextAsync(db, donation.OrganizationId, year, ReceiptNumbers.Donation, ct);
        db.DonationReceipts.Add(new DonationReceipt
        {
            OrganizationId = donation.OrganizationId,
            DonationId = donation.Id,
            Year = year,
            Number = number,
            IssuedAt = move.At,
        });
        db.OutboxMessages.Add(DonationReceiptMessage.For(donation.OrganizationId, donation.Id, move.At));
        await db.SaveChangesAsync(ct);
    }
}
