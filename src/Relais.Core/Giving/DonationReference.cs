namespace Relais.Giving;

/// <summary>
/// The short reference a donor writes on a transfer or the back of a cheque, so the organizer can
/// match the money to the promise. Taken from the random end of the donation's id (the start of a
/// version-7 id is its time).
/// </summary>
public static class DonationReference
{
    public static string Of(Guid donationId) => "DON-" + donationId.ToString("N")[^10..].ToUpperInvariant();
}
