using System.Security.Cryptography;
using System.Text;
using Relais.Organizations;

namespace Relais.Privacy;

public enum SupporterTokenPurpose
{
    ConfirmEmail,
    DataExport,
    Preferences,
}

/// <summary>
/// A single-use, expiring secret sent by email (double opt-in confirmation, data export). Only the
/// hash is stored, so a leaked database holds no usable link.
/// </summary>
public sealed class SupporterToken : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public Guid SupporterId { get; init; }
    public SupporterTokenPurpose Purpose { get; init; }

    /// <summary>SHA-256 of the secret, lower-case hex.</summary>
    public required string TokenHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>A new secret for a link, and the hash to store.</summary>
    public static (string Secret, string Hash) NewSecret()
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (secret, HashOf(secret));
    }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
