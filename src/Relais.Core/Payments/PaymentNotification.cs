using System.Globalization;
using System.Text.Json;
using Relais.Giving;

namespace Relais.Payments;

/// <summary>
/// What a verified webhook says, in Relais's terms: which event (unique per provider), about
/// which payment (the provider's reference and/or the donation id Relais sent as metadata), for
/// how much, and where it moves the donation (<see cref="Outcome"/> null: recorded, nothing moves).
/// </summary>
public sealed record PaymentNotification(
    string EventId,
    string Type,
    DonationStatus? Outcome,
    string? ProviderReference,
    Guid? DonationId,
    long? AmountMinor,
    string? Currency)
{
    /// <summary>The metadata key under which Relais sends the donation id to every provider.</summary>
    public const string DonationIdKey = "donation_id";

    /// <summary>Whether the amount the provider reports is the donation's: a forged or changed amount never counts.</summary>
    public bool Matches(Donation donation) =>
        AmountMinor == donation.AmountMinor && string.Equals(Currency, donation.Currency, StringComparison.OrdinalIgnoreCase);

    /// <summary>The body as JSON, or a <see cref="MalformedNotificationException"/>.</summary>
    internal static JsonDocument DocumentOf(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException)
        {
            throw new MalformedNotificationException("Not JSON.");
        }
    }

    internal static Guid? GuidOf(JsonElement element, params string[] keys)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var key in keys)
        {
            if (element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
                && Guid.TryParse(value.GetString(), out var id))
            {
                return id;
            }
        }
        return null;
    }

    internal static string? StringOf(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    internal static long? LongOf(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var number)
            ? number
            : null;

    internal static string? IdOf(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    internal static JsonElement Child(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) ? value : default;

    internal static bool? BoolOf(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value)
            && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The body was signed but is not an event Relais can read (not JSON, no id).</summary>
public sealed class MalformedNotificationException(string message) : Exception(message);
