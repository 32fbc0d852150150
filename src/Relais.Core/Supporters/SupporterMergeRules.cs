using Relais.Consents;
using Relais.Groups;

namespace Relais.Supporters;

/// <summary>How two records of one person become one: the rules that need no database.</summary>
public static class SupporterMergeRules
{
    /// <summary>The survivor's value, unless it is empty and the other record has one.</summary>
    public static string? Fill(string? survivor, string? other) =>
        string.IsNullOrWhiteSpace(survivor) && !string.IsNullOrWhiteSpace(other) ? other : survivor;

    /// <summary>Fills the survivor's empty contact fields from the other record; never overwrites.</summary>
    public static void FillContact(Supporter survivor, Supporter other)
    {
        survivor.FirstName = Fill(survivor.FirstName, other.FirstName) ?? "";
        survivor.LastName = Fill(survivor.LastName, other.LastName) ?? "";
        survivor.PostalCode = Fill(survivor.PostalCode, other.PostalCode);
        survivor.Country = Fill(survivor.Country, other.Country);
        survivor.City = Fill(survivor.City, other.City);
        survivor.Phone = Fill(survivor.Phone, other.Phone);
    }

    public static GroupRole Strongest(GroupRole a, GroupRole b) =>
        a == GroupRole.Leader || b == GroupRole.Leader ? GroupRole.Leader : GroupRole.Member;

    /// <summary>
    /// The email consent the latest email-updates ledger row implies (a grant still waiting for its
    /// double opt-in link is pending); with no such row, <paramref name="fallback"/>.
    /// </summary>
    public static EmailConsentState EmailConsentFrom(Consent? latestEmailUpdates, EmailConsentState fallback) =>
        latestEmailUpdates switch
        {
            null => fallback,
            { Granted: false } => EmailConsentState.Withdrawn,
            { AwaitingConfirmation: true } => EmailConsentState.Pending,
            _ => EmailConsentState.Granted,
        };

    /// <summary>The most recent of the two records' email-updates rows; the later id breaks a tie.</summary>
    public static Consent? LatestEmailUpdates(IEnumerable<Consent> ledger) =>
        ledger.Where(c => c.Purpose == ConsentPurposes.EmailUpdates)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id)
            .FirstOrDefault();

    /// <summary>
    /// Memberships of both records, one per key: the earliest joined, carrying the strongest role
    /// of the two (<paramref name="combine"/> builds the row that stays).
    /// </summary>
    public static IReadOnlyList<T> Union<T, TKey>(
        IEnumerable<T> rows, Func<T, TKey> key, Func<T, DateTimeOffset> since, Func<T, T, T> combine)
        where TKey : notnull =>
        rows.GroupBy(key)
            .Select(g => g.OrderBy(since).Aggregate(combine))
            .ToList();
}
