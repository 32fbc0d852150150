using Relais.Giving;

namespace Relais.Web.Giving;

/// <summary>
/// A way to pay a donation. The offline provider records a promise (transfer, cash, cheque) that an
/// organizer later marks received; online providers (Stripe Checkout, HelloAsso, PayPal) send the
/// donor to their payment page and report the outcome through a signed webhook.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>"offline", "stripe", "helloasso", "paypal": stored in <see cref="Donation.Provider"/>.</summary>
    string Key { get; }

    /// <summary>The name shown to donors ("Card (Stripe)", "HelloAsso", "PayPal", "Transfer, cash or cheque").</summary>
    string DisplayName { get; }

    /// <summary>Whether the organization has set this provider up (keys entered, enabled).</summary>
    Task<bool> IsEnabledAsync(Guid organizationId, CancellationToken ct);

    /// <summary>
    /// Starts paying a pending donation already saved. Returns where to send the donor, with the
    /// provider's reference of the payment to store on the donation.
    /// </summary>
    Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken ct);
}

/// <summary>What a provider needs to start a payment.</summary>
public sealed record PaymentRequest(
    Donation Donation,
    string Description,
    string DonorEmail,
    string? DonorFirstName,
    string? DonorLastName,
    Uri ReturnUrl,
    Uri CancelUrl,
    string Language);

/// <summary>
/// Where the donor goes next: the provider's payment page (<paramref name="RedirectTo"/>) or, for
/// an offline promise, Relais's own page of instructions; <paramref name="ProviderReference"/> is
/// the provider's id of the payment, if it has one.
/// </summary>
public sealed record PaymentStart(Uri RedirectTo, string? ProviderReference);
