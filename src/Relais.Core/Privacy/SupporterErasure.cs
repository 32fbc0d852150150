using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Privacy;

public static class SuppressionReasons
{
    public const string Erasure = "erasure";
    public const string Retention = "retention";
}

/// <summary>
/// Erases supporters of one organization in one transaction: the address goes to the suppression
/// list as a hash, personal rows go, activities and ladder moves stay (anonymous) so counters and
/// reports do not change.
/// </summary>
public static class SupporterErasure
{
    /// <summary>Returns how many supporters were erased (those already erased or of another organization are skipped).</summary>
    public static async Task<int> EraseAsync(
        this RelaisDb db, Guid organizationId, IReadOnlyCollection<Guid> supporterIds, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var supporters = await db.Supporters.InOrganization(organizationId)
            .Where(s => supporterIds.Contains(s.Id) && s.ErasedAt == null)
            .ToListAsync(ct);
        if (supporters.Count == 0)
        {
            return 0;
        }
        var ids = supporters.Select(s => s.Id).ToList();
        var hashes = supporters.Select(s => SuppressedEmail.Hash(s.NormalizedEmail)).Distinct().ToList();
        var known = await db.SuppressedEmails.InOrganization(organizationId)
            .Where(x => hashes.Contains(x.EmailHash)).Select(x => x.EmailHash).ToListAsync(ct);
        db.SuppressedEmails.AddRange(hashes.Except(known).Select(hash => new SuppressedEmail
        {
            OrganizationId = organizationId,
            EmailHash = hash,
            Reason = reason,
            SuppressedAt = now,
        }));

        await db.Consents.InOrganization(organizationId).Where(c => ids.Contains(c.SupporterId)).ExecuteDeleteAsync(ct);
        await db.SupporterTokens.InOrganization(organizationId).Where(t => ids.Contains(t.SupporterId)).ExecuteDeleteAsync(ct);
        await db.SupporterTags.InOrganization(organizationId).Where(t => ids.Contains(t.SupporterId)).ExecuteDeleteAsync(ct);
        await db.GroupMemberships.InOrganization(organizationId).Where(m => ids.Contains(m.SupporterId)).ExecuteDeleteAsync(ct);
        await db.ChannelMemberships.InOrganization(organizationId).Where(m => ids.Contains(m.SupporterId)).ExecuteDeleteAsync(ct);
        await db.Activities.InOrganization(organizationId).Where(a => ids.Contains(a.SupporterId) && a.Comment != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Comment, (string?)null), ct);
        foreach (var supporter in supporters)
        {
            Anonymization.Apply(supporter, now);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return supporters.Count;
    }
}
