using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Channels;
using Relais.Consents;
using Relais.Data;
using Relais.Drives;
using Relais.Groups;
using Relais.Organizations;
using Relais.Tags;

namespace Relais.Supporters;

public enum MergeOutcome
{
    Merged,

    /// <summary>Either record is missing from this organization.</summary>
    NotFound,
    SameSupporter,
    Erased,

    /// <summary>Both run a personal page of the same fundraiser, which allows one per person.</summary>
    PersonalPagesClash,

    /// <summary>Both were issued a tax receipt for the same year: issued receipts are never rewritten.</summary>
    TaxReceiptsClash,
}

/// <summary>What a merge did; <see cref="DroppedSignatures"/> counts, per petition, the later signatures removed.</summary>
public sealed record MergeResult(MergeOutcome Outcome, IReadOnlyDictionary<Guid, int> DroppedSignatures)
{
    public static MergeResult Refused(MergeOutcome outcome) => new(outcome, new Dictionary<Guid, int>());
}

/// <summary>
/// Makes two records of one person one: everything the other record holds moves to the survivor,
/// in one transaction, and the other record is deleted. Nothing is lost and nothing is half-merged.
/// </summary>
public static class SupporterMerge
{
    public static async Task<MergeResult> MergeAsync(
        RelaisDb db, Guid organizationId, Guid survivorId, Guid otherId, CancellationToken ct)
    {
        if (survivorId == otherId)
        {
            return MergeResult.Refused(MergeOutcome.SameSupporter);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!db.Database.IsSqlite())
        {
            // A signature landing on the other record mid-merge would be lost with it (cascade):
            // lock both rows so that its foreign-key check waits for the merge to end. SQLite has
            // a single writer already.
            await db.Database.ExecuteSqlAsync(
                $"SELECT 1 FROM \"Supporters\" WHERE \"Id\" = {survivorId} OR \"Id\" = {otherId} FOR UPDATE", ct);
        }
        var pair = await db.Supporters.InOrganization(organizationId)
            .Where(s => s.Id == survivorId || s.Id == otherId)
            .ToListAsync(ct);
        var survivor = pair.SingleOrDefault(s => s.Id == survivorId);
        var other = pair.SingleOrDefault(s => s.Id == otherId);
        if (survivor is null || other is null)
        {
            return MergeResult.Refused(MergeOutcome.NotFound);
        }
        if (survivor.ErasedAt is not null || other.ErasedAt is not null)
        {
            return MergeResult.Refused(MergeOutcome.Erased);
        }

        if (await Giving.DonationMerge.PagesClashAsync(db, survivorId, otherId, ct))
        {
            return MergeResult.Refused(MergeOutcome.PersonalPagesClash);
        }
        if (await db.TaxReceipts.Where(r => r.SupporterId == otherId)
            .AnyAsync(r => db.TaxReceipts.Any(mine => mine.SupporterId == survivorId && mine.Year == r.Year), ct))
        {
            return MergeResult.Refused(MergeOutcome.TaxReceiptsClash);
        }

        var dropped = await DropDoubleSignaturesAsync(db, survivorId, otherId, ct);
        await Relays.RelayMerge.MoveAsync(db, survivor, otherId, ct);
        await Giving.DonationMerge.MoveAsync(db, survivorId, otherId, ct);
        await Contests.ContestDonorMerge.MoveAsync(db, survivorId, otherId, ct);
        await db.ItemPledges.Where(p => p.SupporterId == otherId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SupporterId, survivorId), ct);
        await db.TaxReceipts.Where(r => r.SupporterId == otherId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SupporterId, survivorId), ct);
        // A message both records received stays once in the survivor's history.
        await db.MessageRecipients.Where(r => r.SupporterId == otherId
                && db.MessageRecipients.Any(mine => mine.SupporterId == survivorId && mine.MessageId == r.MessageId))
            .ExecuteDeleteAsync(ct);
        await db.MessageRecipients.Where(r => r.SupporterId == otherId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SupporterId, survivorId), ct);
        await db.Activities.Where(a => a.SupporterId == otherId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SupporterId, survivorId), ct);
        // Ledger rows keep their content: only whose they are changes.
        await db.Consents.Where(c => c.SupporterId == otherId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SupporterId, survivorId), ct);
        await db.LadderMoves.Where(m => m.SupporterId == otherId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SupporterId, survivorId), ct);
        await db.SupporterTokens.Where(t => t.SupporterId == otherId).ExecuteDeleteAsync(ct);
        await MergeTagsAsync(db, survivorId, otherId, ct);
        await MergeGroupsAsync(db, survivorId, otherId, ct);
        await MergeChannelsAsync(db, survivorId, otherId, ct);

        var ledger = await db.Consents.AsNoTracking()
            .Where(c => c.SupporterId == survivorId && c.Purpose == ConsentPurposes.EmailUpdates)
            .ToListAsync(ct);
        SupporterMergeRules.FillContact(survivor, other);
        survivor.LastActiveAt = survivor.LastActiveAt >= other.LastActiveAt ? survivor.LastActiveAt : other.LastActiveAt;
        survivor.EmailConsent = SupporterMergeRules.EmailConsentFrom(
            SupporterMergeRules.LatestEmailUpdates(ledger), survivor.EmailConsent);
        survivor.LadderEvaluatedAt = null;
        db.Supporters.Remove(other);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new MergeResult(MergeOutcome.Merged, dropped);
    }

    /// <summary>
    /// Both signed the same petition: the earliest signature stays, the later goes, and the
    /// petition counts one signer fewer (the unique index allows one signature per person).
    /// </summary>
    private static async Task<Dictionary<Guid, int>> DropDoubleSignaturesAsync(RelaisDb db, Guid survivorId, Guid otherId, CancellationToken ct)
    {
        var signatures = await db.Activities.AsNoTracking()
            .Where(a => (a.SupporterId == survivorId || a.SupporterId == otherId) && a.Type == ActivityType.Signed && a.ActionId != null)
            .Select(a => new { a.Id, PetitionId = a.ActionId!.Value, a.OccurredAt })
            .ToListAsync(ct);
        var later = signatures.GroupBy(a => a.PetitionId)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.OrderBy(a => a.OccurredAt).ThenBy(a => a.Id).Skip(1))
            .ToList();
        var dropped = later.GroupBy(a => a.PetitionId).ToDictionary(g => g.Key, g => g.Count());
        if (later.Count == 0)
        {
            return dropped;
        }
        var ids = later.Select(a => a.Id).ToList();
        await db.Activities.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(ct);
        foreach (var (petitionId, removed) in dropped)
        {
            await db.Petitions.Where(p => p.Id == petitionId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.SignatureCount, p => p.SignatureCount - removed), ct);
        }
        return dropped;
    }

    private static async Task MergeTagsAsync(RelaisDb db, Guid survivorId, Guid otherId, CancellationToken ct)
    {
        var rows = await db.SupporterTags.AsNoTracking()
            .Where(t => t.SupporterId == survivorId || t.SupporterId == otherId).ToListAsync(ct);
        if (!rows.Any(t => t.SupporterId == otherId))
        {
            return;
        }
        var merged = SupporterMergeRules.Union(rows, t => t.TagId, t => t.TaggedAt, (kept, _) => kept)
            .Select(t => new SupporterTag
            {
                SupporterId = survivorId,
                TagId = t.TagId,
                OrganizationId = t.OrganizationId,
                TaggedAt = t.TaggedAt,
                Source = t.Source,
            })
            .ToList();
        await db.SupporterTags.Where(t => t.SupporterId == survivorId || t.SupporterId == otherId).ExecuteDeleteAsync(ct);
        await db.InsertAsync(merged, ct);
    }

    private static async Task MergeGroupsAsync(RelaisDb db, Guid survivorId, Guid otherId, CancellationToken ct)
    {
        var rows = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.SupporterId == survivorId || m.SupporterId == otherId).ToListAsync(ct);
        if (!rows.Any(m => m.SupporterId == otherId))
        {
            return;
        }
        var merged = SupporterMergeRules.Union(
                rows, m => m.GroupId, m => m.JoinedAt,
                (kept, next) => new GroupMembership
                {
                    GroupId = kept.GroupId,
                    SupporterId = kept.SupporterId,
                    OrganizationId = kept.OrganizationId,
                    JoinedAt = kept.JoinedAt,
                    Role = SupporterMergeRules.Strongest(kept.Role, next.Role),
                })
            .Select(m => new GroupMembership
            {
                GroupId = m.GroupId,
                SupporterId = survivorId,
                OrganizationId = m.OrganizationId,
                JoinedAt = m.JoinedAt,
                Role = m.Role,
            })
            .ToList();
        await db.GroupMemberships.Where(m => m.SupporterId == survivorId || m.SupporterId == otherId).ExecuteDeleteAsync(ct);
        await db.InsertAsync(merged, ct);
    }

    private static async Task MergeChannelsAsync(RelaisDb db, Guid survivorId, Guid otherId, CancellationToken ct)
    {
        var rows = await db.ChannelMemberships.AsNoTracking()
            .Where(m => m.SupporterId == survivorId || m.SupporterId == otherId).ToListAsync(ct);
        if (!rows.Any(m => m.SupporterId == otherId))
        {
            return;
        }
        var merged = SupporterMergeRules.Union(rows, m => m.ChannelId, m => m.JoinedAt, (kept, _) => kept)
            .Select(m => new ChannelMembership
            {
                ChannelId = m.ChannelId,
                SupporterId = survivorId,
                OrganizationId = m.OrganizationId,
                JoinedAt = m.JoinedAt,
                Source = m.Source,
            })
            .ToList();
        await db.ChannelMemberships.Where(m => m.SupporterId == survivorId || m.SupporterId == otherId).ExecuteDeleteAsync(ct);
        await db.InsertAsync(merged, ct);
    }
}
