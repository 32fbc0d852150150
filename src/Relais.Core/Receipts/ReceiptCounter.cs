using Microsoft.EntityFrameworkCore;
using Relais.Data;

namespace Relais.Receipts;

/// <summary>The last number given in one sequence of receipts (an organization, a year, a kind).</summary>
public sealed class ReceiptCounter
{
    public Guid OrganizationId { get; set; }
    public int Year { get; set; }

    /// <summary><see cref="ReceiptNumbers.Donation"/> or <see cref="ReceiptNumbers.Tax"/>.</summary>
    public required string Kind { get; set; }

    public int Last { get; set; }
}

/// <summary>
/// Numbers receipts in sequence per organization, year and kind, without gaps: the counter moves in
/// the caller's transaction, so a rollback gives its number back, and its row lock (PostgreSQL) or
/// the single writer (SQLite) makes concurrent transactions take turns. Unique indexes on the
/// receipts stop any duplicate that a bug would let through.
/// </summary>
public static class ReceiptNumbers
{
    public const string Donation = "donation";
    public const string Tax = "tax";

    public static string Format(int year, int number) => $"{year}-{number:D5}";

    /// <summary>The next number of the sequence; call it inside a transaction.</summary>
    public static Task<int> NextAsync(RelaisDb db, Guid organizationId, int year, string kind, CancellationToken ct) =>
        ReserveAsync(db, organizationId, year, kind, 1, ct);

    /// <summary>
    /// Takes <paramref name="count"/> numbers at once and returns the first (with 0, only locks the
    /// sequence until the transaction ends, so that a bulk run reads what the others committed).
    /// </summary>
    public static async Task<int> ReserveAsync(RelaisDb db, Guid organizationId, int year, string kind, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Receipt numbers are taken inside the transaction that stores the receipt.");
        }
        // Two first receipts of a year racing: one inserts the row, the other waits for it and inserts nothing.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "ReceiptCounters" ("OrganizationId", "Year", "Kind", "Last") VALUES ({organizationId}, {year}, {kind}, 0) ON CONFLICT DO NOTHING""", ct);
        var counter = db.ReceiptCounters.Where(c => c.OrganizationId == organizationId && c.Year == year && c.Kind == kind);
        await counter.ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + count), ct);
        return await counter.Select(c => c.Last).SingleAsync(ct) - count + 1;
    }
}
