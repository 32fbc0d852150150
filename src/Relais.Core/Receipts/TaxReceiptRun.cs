using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Giving;

namespace Relais.Receipts;

/// <summary>A donor who gave in the year but cannot get a receipt until their postal address is known.</summary>
public sealed record DonorWithoutAddress(Guid SupporterId, string Name, string Email, long AmountMinor, bool AskedForReceipt);

public sealed record TaxReceiptRunResult(int Created, int Updated, IReadOnlyList<DonorWithoutAddress> Missing);

/// <summary>
/// Makes the yearly tax receipts of an organization: one per donor who gave that year, for the sum
/// of their succeeded euro donations (refunded ones are no longer succeeded), numbered in the
/// year's sequence. Every donor is included, not only those who ticked "I want a tax receipt": the
/// gift entitles them to the reduction either way. A donor without a complete postal address is
/// listed, never skipped silently. Running it again refreshes the figures, keeps the numbers and
/// numbers only the newcomers.
/// </summary>
public static class TaxReceiptRun
{
    public const string Currency = "EUR";

    public static async Task<TaxReceiptRunResult> GenerateAsync(RelaisDb db, Guid organizationId, int year, DateTimeOffset now, CancellationToken ct)
    {
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddYears(1);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Locks the year's sequence first: a second run waits, then sees the receipts this one made.
        await ReceiptNumbers.ReserveAsync(db, organizationId, year, ReceiptNumbers.Tax, 0, ct);
        var gifts = await db.Donations.AsNoTracking()
            .Where(d => d.OrganizationId == organizationId && d.Status == DonationStatus.Succeeded && d.Currency == Currency
                && d.SettledAt >= from && d.SettledAt < to)
            .Select(d => new { d.SupporterId, d.AmountMinor, d.SettledAt, d.Provider, d.OfflineMethod, d.WantsTaxReceipt })
            .ToListAsync(ct);
        var donors = gifts.GroupBy(g => g.SupporterId).ToList();
        var ids = donors.Select(d => d.Key).ToList();
        var people = new Dictionary<Guid, Supporters.Supporter>();
        foreach (var chunk in ids.Chunk(1_000))
        {
            var found = await db.Supporters.AsNoTracking()
                .Where(s => s.OrganizationId == organizationId && chunk.Contains(s.Id))
                .ToListAsync(ct);
            foreach (var person in found)
            {
                people[person.Id] = person;
            }
        }
        var existing = await db.TaxReceipts.Where(r => r.OrganizationId == organizationId && r.Year == year)
            .ToDictionaryAsync(r => r.SupporterId, ct);

        var created = new List<TaxReceipt>();
        var missing = new List<DonorWithoutAddress>();
        var updated = 0;
        foreach (var donor in donors)
        {
            var person = people.GetValueOrDefault(donor.Key);
            var amount = donor.Sum(g => g.AmountMinor);
            if (person is null || person.ErasedAt is not null || string.IsNullOrWhiteSpace(person.StreetAddress)
                || string.IsNullOrWhiteSpace(person.PostalCode) || string.IsNullOrWhiteSpace(person.City))
            {
                missing.Add(new DonorWithoutAddress(donor.Key, person?.FullName ?? "", person?.Email ?? "", amount, donor.Any(g => g.WantsTaxReceipt)));
                continue;
            }
            var receipt = existing.GetValueOrDefault(donor.Key);
            if (receipt is null)
            {
                receipt = new TaxReceipt { OrganizationId = organizationId, Year = year, SupporterId = donor.Key, IssuedAt = now };
                created.Add(receipt);
            }
            else
            {
                updated++;
            }
            receipt.DonorName = person.FullName.Length > 0 ? person.FullName : person.Email;
            receipt.DonorStreetAddress = person.StreetAddress!.Trim();
            receipt.DonorPostalCode = person.PostalCode!.Trim();
            receipt.DonorCity = person.City!.Trim();
            receipt.DonorCountry = person.Country;
            receipt.AmountMinor = amount;
            receipt.DonationCount = donor.Count();
            receipt.FirstPaidOn = DateOnly.FromDateTime(donor.Min(g => g.SettledAt!.Value).UtcDateTime);
            receipt.LastPaidOn = DateOnly.FromDateTime(donor.Max(g => g.SettledAt!.Value).UtcDateTime);
            receipt.PaymentModes = string.Join(',', donor
                .Select(g => PaymentMethods.CerfaMode(PaymentMethods.Of(g.Provider, g.OfflineMethod)))
                .Distinct().Order());
            receipt.UpdatedAt = now;
        }
        if (created.Count > 0)
        {
            // Numbered in the order of the donors' names, so that the printed pile reads in order.
            var first = await ReceiptNumbers.ReserveAsync(db, organizationId, year, ReceiptNumbers.Tax, created.Count, ct);
            var number = first;
            foreach (var receipt in created.OrderBy(r => r.DonorName, StringComparer.Ordinal).ThenBy(r => r.SupporterId))
            {
                receipt.Number = number++;
            }
            foreach (var chunk in created.Chunk(500))
            {
                await db.InsertAsync(chunk, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new TaxReceiptRunResult(created.Count, updated, missing.OrderBy(m => m.Name, StringComparer.Ordinal).ToList());
    }
}
