using System.Security.Cryptography;
using System.Text;
using Relais.Organizations;

namespace Relais.Privacy;

/// <summary>
/// An erased person's address, kept only as a hash so that a later import or sync does not bring
/// them back, while the address itself is gone.
/// </summary>
public sealed class SuppressedEmail : IOrganizationOwned
{
    public Guid OrganizationId { get; init; }

    /// <summary>SHA-256 of the normalized address, lower-case hex.</summary>
    public required string EmailHash { get; init; }

    /// <summary>"erasure", "retention"…</summary>
    public required string Reason { get; init; }

    public DateTimeOffset SuppressedAt { get; init; } = DateTimeOffset.UtcNow;

    public static string Hash(string normalizedEmail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));
}
