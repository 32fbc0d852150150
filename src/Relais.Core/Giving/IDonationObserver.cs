using Relais.Data;

namespace Relais.Giving;

/// <summary>
/// Told of every move of a donation inside the transaction that makes it (contest tallies,
/// receipts, live boards), so that what it writes commits or rolls back with the move.
/// </summary>
public interface IDonationObserver
{
    Task OnMovedAsync(RelaisDb db, DonationMove move, CancellationToken ct);

    /// <summary>Told of many moves made together; an observer that can write them as a set does so.</summary>
    async Task OnMovedManyAsync(RelaisDb db, IReadOnlyList<DonationMove> moves, CancellationToken ct)
    {
        foreach (var move in moves)
        {
            await OnMovedAsync(db, move, ct);
        }
    }
}

/// <summary>A donation that moved from one state to another at a moment.</summary>
public sealed record DonationMove(Donation Donation, DonationStatus From, DonationStatus To, DateTimeOffset At)
{
    /// <summary>+1 when the donation starts counting in totals, -1 when it stops, 0 otherwise.</summary>
    public int CountDelta => DonationRules.CountDelta(From, To);
}
