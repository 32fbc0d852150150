using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;
using Relais.Privacy;

namespace Relais.Consents;

public enum ConfirmationOutcome
{
    Confirmed,
    AlreadyConfirmed,
    Expired,
    Unknown,
}

/// <summary>The double opt-in link: a valid token turns a pending email-updates consent into a granted one, once.</summary>
public static class SubscriptionConfirmation
{
    public static async Task<ConfirmationOutcome> ConfirmAsync(this RelaisDb db, string? secret, DateTimeOffset now, CancellationToken ct)
    {
        var token = await db.FindTokenAsync(secret, SupporterTokenPurpose.ConfirmEmail, ct);
        if (token is null)
        {
            return ConfirmationOutcome.Unknown;
        }
        if (token.UsedAt is not null)
        {
            return ConfirmationOutcome.AlreadyConfirmed;
        }
        if (token.ExpiresAt <= now)
        {
            return ConfirmationOutcome.Expired;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.TryUseTokenAsync(token.Id, now, ct))
        {
            // Another request used it a moment ago.
            return ConfirmationOutcome.AlreadyConfirmed;
        }
        var supporter = await db.Supporters.InOrganization(token.OrganizationId)
            .SingleOrDefaultAsync(s => s.Id == token.SupporterId && s.ErasedAt == null, ct);
        if (supporter is null)
        {
            return ConfirmationOutcome.Unknown;
        }
        // The confirmation completes what the person ticked: the same words, now confirmed.
        var asked = await db.Consents.InOrganization(token.OrganizationId)
            .Where(c => c.SupporterId == supporter.Id && c.Purpose == ConsentPurposes.EmailUpdates && c.Granted)
            .OrderByDescending(c => c.RecordedAt)
            .FirstOrDefaultAsync(ct);
        var organizationName = await db.Organizations.Where(o => o.Id == token.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        db.Consents.Add(new Consent
        {
            OrganizationId = token.OrganizationId,
            SupporterId = supporter.Id,
            Purpose = ConsentPurposes.EmailUpdates,
            Granted = true,
            AwaitingConfirmation = false,
            Wording = asked?.Wording ?? EmailUpdatesWording.For(supporter.Language, organizationName),
            WordingVersion = asked?.WordingVersion ?? EmailUpdatesWording.Version,
            Language = asked?.Language ?? supporter.Language,
            Source = $"confirmation:{token.Id}",
            RecordedAt = now,
        });
        supporter.EmailConsent = EmailConsentState.Granted;
        supporter.LastActiveAt = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ConfirmationOutcome.Confirmed;
    }
}
