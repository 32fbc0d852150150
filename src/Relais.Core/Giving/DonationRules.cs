namespace Relais.Giving;

/// <summary>Which moves of a donation's state are allowed; every other one is ignored.</summary>
public static class DonationRules
{
    /// <summary>
    /// Pending settles either way; a failure can still succeed (a provider that retried); only a
    /// success can be refunded; a refund is final. Moving to the same state is not a move, which
    /// makes replayed events harmless.
    /// </summary>
    public static bool CanMove(DonationStatus from, DonationStatus to) => (from, to) switch
    {
        (DonationStatus.Pending, DonationStatus.Succeeded) => true,
        (DonationStatus.Pending, DonationStatus.Failed) => true,
        (DonationStatus.Failed, DonationStatus.Succeeded) => true,
        (DonationStatus.Succeeded, DonationStatus.Refunded) => true,
        _ => false,
    };

    /// <summary>How a move changes the totals: +1 when it starts counting, -1 when it stops, 0 otherwise.</summary>
    public static int CountDelta(DonationStatus from, DonationStatus to) =>
        (from == DonationStatus.Succeeded ? -1 : 0) + (to == DonationStatus.Succeeded ? 1 : 0);
}
