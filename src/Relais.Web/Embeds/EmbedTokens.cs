using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Relais.Web.Embeds;

/// <summary>
/// The embedded form's protection against forged posts. Browsers block third-party cookies in
/// cross-site frames, so the usual antiforgery pair (cookie + field) cannot work there. Instead the
/// form carries a token issued when the frame was rendered: encrypted and signed by the app's data
/// protection keys, bound to the petition and to the embedding site, and valid for a few hours. A
/// post must therefore come from a rendered embed of that petition for that site; floods are
/// limited per address by the embed rate limit. (Signing a public petition needs no session: what
/// the token protects is the crediting and the intake, not an account.)
/// </summary>
public sealed class EmbedTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(4);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Relais.Embeds.FormToken").ToTimeLimitedDataProtector();

    public string Issue(Guid petitionId, string? origin) =>
        _protector.Protect(Payload(petitionId, origin), clock.GetUtcNow().Add(Lifetime));

    public bool IsValid(string? token, Guid petitionId, string? origin)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1_000)
        {
            return false;
        }
        try
        {
            return _protector.Unprotect(token, out var expiration) == Payload(petitionId, origin)
                && expiration > clock.GetUtcNow();
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string Payload(Guid petitionId, string? origin) => $"{petitionId:N}|{origin}";
}
