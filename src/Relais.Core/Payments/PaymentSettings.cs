using Relais.Organizations;

namespace Relais.Payments;

/// <summary>The providers an organization can be paid through online.</summary>
public static class PaymentProviders
{
    public const string Stripe = "stripe";
    public const string HelloAsso = "helloasso";
    public const string PayPal = "paypal";

    public static IReadOnlyList<string> Online { get; } = [Stripe, HelloAsso, PayPal];

    public static bool IsOnline(string? key) => key is Stripe or HelloAsso or PayPal;
}

/// <summary>
/// One organization's account at one payment provider. Secrets are stored encrypted (ASP.NET
/// DataProtection) and never shown back: the settings page only says whether each is set.
/// </summary>
public sealed class PaymentSettings : IOrganizationOwned
{
    public const int SecretMax = 4_000;
    public const int FieldMax = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }

    /// <summary>"stripe", "helloasso" or "paypal".</summary>
    public required string Provider { get; set; }

    public bool Enabled { get; set; }

    /// <summary>HelloAsso and PayPal: the provider's test environment instead of the live one.</summary>
    public bool Sandbox { get; set; }

    /// <summary>HelloAsso and PayPal: the OAuth2 client id (not a secret).</summary>
    public string? ClientId { get; set; }

    /// <summary>HelloAsso: the organization's slug in its API paths.</summary>
    public string? AccountSlug { get; set; }

    /// <summary>PayPal: the id of the webhook registered in its dashboard, part of each signed message.</summary>
    public string? WebhookId { get; set; }

    /// <summary>Encrypted: Stripe's secret key, HelloAsso's or PayPal's client secret.</summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>Encrypted: Stripe's webhook signing secret, HelloAsso's notification signature key.</summary>
    public string? ProtectedWebhookSecret { get; set; }

    /// <summary>
    /// Encrypted: a random token Relais puts in HelloAsso's notification URL, because HelloAsso
    /// signs notifications for its partners only; a notification without it is refused.
    /// </summary>
    public string? ProtectedUrlToken { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
