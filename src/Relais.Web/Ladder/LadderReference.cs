using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Relais.Web.Ladder;

/// <summary>
/// A short-lived, tamper-proof pointer to the person who just acted, carried in a cookie from the
/// action's redirect to its thank-you page so that the page can offer that person's next step. It holds the
/// organization and the normalized email, encrypted; a forged or expired one reads as nothing.
/// </summary>
public sealed class LadderReference(IDataProtectionProvider provider)
{
    public const string CookieName = "relais.next";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Sent only to the thank-you page of the action, and gone within <see cref="Lifetime"/>.</summary>
    public static CookieOptions CookieFor(string path) => new()
    {
        Path = path,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        MaxAge = Lifetime,
        IsEssential = true,
    };

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Relais.Ladder.NextStepReference.v1").ToTimeLimitedDataProtector();

    public string Protect(Guid organizationId, string normalizedEmail) =>
        _protector.Protect($"{organizationId:N}|{normalizedEmail}", Lifetime);

    public bool TryRead(string? reference, out Guid organizationId, out string normalizedEmail)
    {
        organizationId = Guid.Empty;
        normalizedEmail = "";
        if (string.IsNullOrEmpty(reference) || reference.Length > 2_000)
        {
            return false;
        }
        string payload;
        try
        {
            payload = _protector.Unprotect(reference);
        }
        catch (CryptographicException)
        {
            return false;
        }
        var separator = payload.IndexOf('|', StringComparison.Ordinal);
        if (separator < 0 || !Guid.TryParseExact(payload[..separator], "N", out organizationId))
        {
            return false;
        }
        normalizedEmail = payload[(separator + 1)..];
        return normalizedEmail.Length > 0;
    }
}
