using System.Security.Cryptography;
using System.Text;
using Relais.Giving;

namespace Relais.Web.Giving;

/// <summary>
/// The donor's own pages after the pay button: the promise instructions of an offline gift and the
/// "thank you / payment in progress" page online providers return to. Both carry the donation's
/// form token (<see cref="Donation.IdempotencyKey"/>, random and known only to the donor's browser),
/// so a guessed donation id shows nothing.
/// </summary>
public static class GivingUrls
{
    public static string GivePath(string slug) => $"/c/{Uri.EscapeDataString(slug)}/give";

    public static string DonePath(string slug, Donation donation) => StepPath(slug, donation, "done");

    public static string PromisePath(string slug, Donation donation) => StepPath(slug, donation, "promise");

    /// <summary>Where an online provider sends the donor back after paying (its ReturnUrl).</summary>
    public static Uri Done(Uri origin, string slug, Donation donation) => new(origin, DonePath(slug, donation));

    /// <summary>Where an online provider sends a donor who gave up (its CancelUrl): the donate form again.</summary>
    public static Uri Cancel(Uri origin, string slug) => new(origin, GivePath(slug));

    public static Uri Promise(Uri origin, string slug, Donation donation) => new(origin, PromisePath(slug, donation));

    /// <summary>The site's own origin as the request reached it ("https://relais.example.org/").</summary>
    public static Uri OriginOf(HttpRequest request) => new($"{request.Scheme}://{request.Host}/");

    public static bool TokenMatches(Donation donation, string? token) =>
        token is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(donation.IdempotencyKey), Encoding.UTF8.GetBytes(token));

    /// <summary>A new form token: 128 random bits in hex.</summary>
    private static string StepPath(string slug, Donation donation, string step) =>
        $"/c/{Uri.EscapeDataString(slug)}/give/{donation.Id}/{step}?t={Uri.EscapeDataString(donation.IdempotencyKey)}";
}
