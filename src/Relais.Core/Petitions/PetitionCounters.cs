using System.Collections.Concurrent;

namespace Relais.Petitions;

/// <summary>
/// Signature counts shown to visitors, held in memory: bumped by the intake after each commit and
/// refreshed from the database (which other nodes also write) so pages never run COUNT(*).
/// </summary>
public sealed class PetitionCounters
{
    private readonly ConcurrentDictionary<Guid, int> _counts = new();

    /// <summary>
    /// A count shown by this node rose (petition id, new count). Raised on the thread that changed
    /// it: handlers must return at once.
    /// </summary>
    public event Action<Guid, int>? Changed;

    /// <summary>
    /// This node committed signatures (petition id, stored count right after the commit), for
    /// telling the other nodes. Handlers must return at once.
    /// </summary>
    public event Action<Guid, int>? Committed;

    /// <summary>The known count, or <paramref name="stored"/> (read with the page) if none is known yet.</summary>
    public int Get(Guid petitionId, int stored) => _counts.AddOrUpdate(petitionId, stored, (_, known) => Math.Max(known, stored));

    public int? Get(Guid petitionId) => _counts.TryGetValue(petitionId, out var count) ? count : null;

    /// <summary>Adds committed signatures to a known count; an unknown one is read with its next page.</summary>
    public void Add(Guid petitionId, int signatures)
    {
        while (_counts.TryGetValue(petitionId, out var known))
        {
            if (_counts.TryUpdate(petitionId, known + signatures, known))
            {
                if (signatures > 0)
                {
                    Changed?.Invoke(petitionId, known + signatures);
                }
                return;
            }
        }
    }

    /// <summary>
    /// Takes the database's figure unless memory is ahead: a refresh that read the row just before
    /// this node's commit must not make the count go back.
    /// </summary>
    public void Refresh(Guid petitionId, int stored)
    {
        var before = Get(petitionId);
        var after = _counts.AddOrUpdate(petitionId, stored, (_, known) => Math.Max(known, stored));
        if (before is null || after > before)
        {
            Changed?.Invoke(petitionId, after);
        }
    }

    /// <summary>
    /// Takes the stored count read in the transaction that just committed: exact, whatever other
    /// nodes wrote before, and never behind what this node already shows.
    /// </summary>
    public void Commit(Guid petitionId, int stored)
    {
        Refresh(petitionId, stored);
        Committed?.Invoke(petitionId, stored);
    }

    public IReadOnlyCollection<Guid> Known => (IReadOnlyCollection<Guid>)_counts.Keys;
}
