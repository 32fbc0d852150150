using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Relais.Data;
using Relais.Payments;

namespace Relais.Web.Payments;

/// <summary>An organization's account at a provider, with its secrets decrypted: never shown, only used.</summary>
public sealed record PaymentAccount(
    Guid OrganizationId,
    string Provider,
    bool Enabled,
    bool Sandbox,
    string? ClientId,
    string? AccountSlug,
    string? WebhookId,
    string? Secret,
    string? WebhookSecret,
    string? UrlToken);

/// <summary>
/// Reads and decrypts the organizations' provider settings, kept in memory for a short while so a
/// burst of webhooks does not read and decrypt the same row for each event.
/// </summary>
public sealed class PaymentAccounts(RelaisDb db, IDataProtectionProvider protection, IMemoryCache cache)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);
    private readonly IDataProtector _protector = protection.CreateProtector("Relais.Payments.Secrets");

    public async Task<PaymentAccount?> GetAsync(Guid organizationId, string provider, CancellationToken ct)
    {
        var key = CacheKey(organizationId, provider);
        if (cache.TryGetValue(key, out PaymentAccount? account))
        {
            return account;
        }
        var row = await db.Set<PaymentSettings>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.OrganizationId == organizationId && s.Provider == provider, ct);
        account = row is null ? null : new PaymentAccount(row.OrganizationId, row.Provider, row.Enabled, row.Sandbox,
            row.ClientId, row.AccountSlug, row.WebhookId,
            Unprotect(row.ProtectedSecret), Unprotect(row.ProtectedWebhookSecret), Unprotect(row.ProtectedUrlToken));
        cache.Set(key, account, Freshness);
        return account;
    }

    public void Forget(Guid organizationId, string provider) => cache.Remove(CacheKey(organizationId, provider));

    public string Protect(string secret) => _protector.Protect(secret);

    public string? Unprotect(string? protectedSecret)
    {
        if (protectedSecret is null)
        {
            return null;
        }
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The key ring was lost (data folder moved without its keys): the organizer enters the secret again.
            return null;
        }
    }

    private static (string, Guid, string) CacheKey(Guid organizationId, string provider) => ("payments:account", organizationId, provider);
}
