using Relais.Data;
using Relais.Giving;
using Relais.Outbox;
using Relais.Receipts;

namespace Relais.Web.Receipts;

/// <summary>
/// When a donation succeeds, numbers its receipt and queues the thank-you email, in the ledger's
/// transaction: a success is always thanked once, a rolled-back one never, and a replayed
/// delivery (which the ledger does not move) queues nothing. Successes settled together take
/// their numbers as one range of the organization's sequence.
/// </summary>
internal sealed class DonationReceipts : IDonationObserver
{
    public Task OnMovedAsync(RelaisDb db, DonationMove move, CancellationToken ct) => OnMovedManyAsync(db, [move], ct);

    public async Task OnMovedManyAsync(RelaisDb db, IReadOnlyList<DonationMove> moves, CancellationToken ct)
    {
        var receipts = new List<DonationReceipt>();
        var emails = new List<OutboxMessage>();
        foreach (var sequence in moves.Where(m => m.To == DonationStatus.Succeeded).GroupBy(m => (m.Donation.OrganizationId, m.At.UtcDateTime.Year)))
        {
            var (organizationId, year) = sequence.Key;
            var number = await ReceiptNumbers.ReserveAsync(db, organizationId, year, ReceiptNumbers.Donation, sequence.Count(), ct);
            foreach (var move in sequence)
            {
                receipts.Add(new DonationReceipt
                {
                    OrganizationId = organizationId,
                    DonationId = move.Donation.Id,
                    Year = year,
                    Number = number++,
                    IssuedAt = move.At,
                });
                emails.Add(DonationReceiptMessage.For(organizationId, move.Donation.Id, move.At));
            }
        }
        await db.InsertAsync(receipts, ct);
        await db.InsertAsync(emails, ct);
    }
}
