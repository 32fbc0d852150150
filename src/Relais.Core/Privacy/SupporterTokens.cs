using Microsoft.EntityFrameworkCore;
using Relais.Data;

namespace Relais.Privacy;

/// <summary>Issuing and redeeming the secrets of links sent by email.</summary>
public static class SupporterTokens
{
    public static readonly TimeSpan ConfirmEmailLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan DataExportLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan PreferencesLifetime = TimeSpan.FromDays(30);

    /// <summary>A secret is 43 URL-safe characters; anything far from that is not worth a query.</summary>
    private const int SecretMax = 100;

    public static TimeSpan LifetimeOf(SupporterTokenPurpose purpose) => purpose switch
    {
        SupporterTokenPurpose.ConfirmEmail => ConfirmEmailLifetime,
        SupporterTokenPurpose.DataExport => DataExportLifetime,
        _ => PreferencesLifetime,
    };

    /// <summary>Stores a new token (its hash only) and returns the secret for the link.</summary>
    public static async Task<string> IssueTokenAsync(
        this RelaisDb db, Guid organizationId, Guid supporterId, SupporterTokenPurpose purpose, DateTimeOffset now, CancellationToken ct)
    {
        var (secret, hash) = SupporterToken.NewSecret();
        db.SupporterTokens.Add(new SupporterToken
        {
            OrganizationId = organizationId,
            SupporterId = supporterId,
            Purpose = purpose,
            TokenHash = hash,
            CreatedAt = now,
            ExpiresAt = now + LifetimeOf(purpose),
        });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public static async Task<SupporterToken?> FindTokenAsync(
        this RelaisDb db, string? secret, SupporterTokenPurpose purpose, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > SecretMax)
        {
            return null;
        }
        var hash = SupporterToken.HashOf(secret);
        return await db.SupporterTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, ct);
    }

    /// <summary>Marks a single-use token used; false when it was used (by a racing request) or has expired.</summary>
    public static async Task<bool> TryUseTokenAsync(this RelaisDb db, Guid tokenId, DateTimeOffset now, CancellationToken ct) =>
        await db.SupporterTokens.Where(t => t.Id == tokenId && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct) == 1;
}
