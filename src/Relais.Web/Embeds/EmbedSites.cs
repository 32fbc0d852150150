using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Web.Embeds;

/// <summary>
/// The sites each organization allows to embed its forms and counters, kept in memory for a few
/// seconds like campaign pages: a change in the settings reaches embeds within that time.
/// </summary>
public sealed class EmbedSites(IDbContextFactory<RelaisDb> dbFactory, IMemoryCache cache)
{
    /// <summary>Activity.Source of an action taken in an embed; followed by ":" and the site's origin when known.</summary>
    public const string Source = "embed";

    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<string>> AllowedAsync(Guid organizationId, CancellationToken ct) =>
        await cache.GetOrCreateAsync("embed-sites:" + organizationId, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Freshness;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var stored = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.EmbedOrigins).SingleOrDefaultAsync(ct);
            return EmbedOrigins.Read(stored);
        }) ?? [];

    public void Forget(Guid organizationId) => cache.Remove("embed-sites:" + organizationId);

    /// <summary>
    /// The embedding site named by the embed script, when the organization allows it. False for
    /// a site it does not allow; true with null when none was named (a plain iframe snippet).
    /// </summary>
    public static bool TryResolve(string? parent, IReadOnlyList<string> allowed, out string? origin)
    {
        origin = null;
        if (string.IsNullOrEmpty(parent))
        {
            return true;
        }
        origin = EmbedOrigins.Normalize(parent);
        return origin is not null && allowed.Contains(origin);
    }
}
