using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Consents;
using Relais.Data;
using Relais.Privacy;
using Relais.Supporters;

namespace Relais.Messaging;

/// <summary>
/// Withdraws a supporter's email consent from an email's link (or the mail client's one-click
/// button): a ledger row, the do-not-send list, an Unsubscribed activity and the message's count,
/// all in one transaction. Repeating it changes nothing.
/// </summary>
public sealed class Unsubscriptions(RelaisDb db, TimeProvider clock)
{
    /// <summary>The person behind a link, or null when they are gone (erased).</summary>
    public Task<Supporter?> FindAsync(Guid supporterId, CancellationToken ct) =>
        db.Supporters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == supporterId && s.ErasedAt == null, ct);

    public async Task<bool> UnsubscribeAsync(Guid supporterId, Guid? messageId, string language, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Only a change counts: a second click (or a client retrying the one-click POST) finds nothing to do.
        var changed = await db.Supporters
            .Where(s => s.Id == supporterId && s.ErasedAt == null && s.EmailConsent != EmailConsentState.Withdrawn)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EmailConsent, EmailConsentState.Withdrawn), ct);
        var supporter = await db.Supporters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == supporterId && s.ErasedAt == null, ct);
        if (supporter is null)
        {
            return false;
        }
        var hash = SuppressedEmail.Hash(supporter.NormalizedEmail);
        if (!await db.SuppressedEmails.AnyAsync(s => s.OrganizationId == supporter.OrganizationId && s.EmailHash == hash, ct))
        {
            db.SuppressedEmails.Add(new SuppressedEmail { OrganizationId = supporter.OrganizationId, EmailHash = hash, Reason = DeliveryRules.UnsubscribeReason, SuppressedAt = now });
        }
        if (changed == 1)
        {
            var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == supporter.OrganizationId).Select(o => o.Name).SingleAsync(ct);
            // Only a message of the same organization gets the count: the link's message id is signed, but be strict.
            var message = messageId is { } id
                ? await db.Messages.AsNoTracking().Where(m => m.Id == id && m.OrganizationId == supporter.OrganizationId).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(ct)
                : null;
            db.Consents.Add(new Consent
            {
                OrganizationId = supporter.OrganizationId,
                SupporterId = supporter.Id,
                Purpose = ConsentPurposes.EmailUpdates,
                Granted = false,
                Wording = EmailUpdatesWording.For(language, organization),
                WordingVersion = EmailUpdatesWording.Version,
                Language = language,
                Source = message is { } m ? $"unsubscribe:{m}" : "unsubscribe",
                RecordedAt = now,
            });
            db.Activities.Add(new Activity
            {
                OrganizationId = supporter.OrganizationId,
                SupporterId = supporter.Id,
                Type = ActivityType.Unsubscribed,
                ActionId = message,
                OccurredAt = now,
                Source = "email",
            });
            if (message is { } counted)
            {
                await db.Messages.Where(x => x.Id == counted).ExecuteUpdateAsync(s => s.SetProperty(x => x.UnsubscribedCount, x => x.UnsubscribedCount + 1), ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>A new preferences link for the person, as the preferences page expects.</summary>
    public async Task<string?> PreferencesSecretAsync(Guid supporterId, CancellationToken ct)
    {
        var supporter = await FindAsync(supporterId, ct);
        return supporter is null ? null
            : await db.IssueTokenAsync(supporter.OrganizationId, supporter.Id, SupporterTokenPurpose.Preferences, clock.GetUtcNow(), ct);
    }

    /// <summary>The person chose email updates again: an unsubscribe no longer stands in the way (a bounce or an erasure does).</summary>
    public static Task<int> LiftUnsubscribeAsync(RelaisDb db, Guid organizationId, string normalizedEmail, CancellationToken ct)
    {
        var hash = SuppressedEmail.Hash(normalizedEmail);
        return db.SuppressedEmails
            .Where(s => s.OrganizationId == organizationId && s.EmailHash == hash && s.Reason == DeliveryRules.UnsubscribeReason)
            .ExecuteDeleteAsync(ct);
    }
}
