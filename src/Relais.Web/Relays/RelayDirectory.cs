using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Relais.Data;

namespace Relais.Web.Relays;

/// <summary>
/// Which organization a relay code's supporter belongs to, from memory: a click reads the database
/// only the first time a code is seen (then every few minutes), and a forged code's miss is
/// remembered too. Bounded: when full, it starts again empty.
/// </summary>
public sealed class RelayDirectory(IDbContextFactory<RelaisDb> dbFactory, TimeProvider clock)
{
    public const int MaxEntries = 200_000;

    private static readonly TimeSpan Known = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Unknown = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    private readonly record struct Entry(Guid? OrganizationId, DateTimeOffset Until);

    /// <summary>True when <paramref name="relayId"/> is a supporter (not erased) of <paramref name="organizationId"/>.</summary>
    public async ValueTask<bool> IsRelayAsync(Guid organizationId, Guid relayId, CancellationToken ct)
    {
        if (Peek(relayId) is { } cached)
        {
            return cached.OrganizationId == organizationId;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Supporters.AsNoTracking()
            .Where(s => s.Id == relayId && s.ErasedAt == null)
            .Select(s => (Guid?)s.OrganizationId)
            .SingleOrDefaultAsync(ct);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[relayId] = new Entry(found, clock.GetUtcNow() + (found is null ? Unknown : Known));
        return found == organizationId;
    }

    /// <summary>What memory says without asking the database: true, false, or null when it does not know.</summary>
    public bool? KnownRelay(Guid organizationId, Guid relayId) =>
        Peek(relayId) is { } cached ? cached.OrganizationId == organizationId : null;

    private Entry? Peek(Guid relayId) =>
        _entries.TryGetValue(relayId, out var entry) && entry.Until > clock.GetUtcNow() ? entry : null;
}
