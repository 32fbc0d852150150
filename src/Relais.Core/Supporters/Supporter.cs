using Relais.Organizations;

namespace Relais.Supporters;

/// <summary>One person, deduplicated by normalized email within an organization.</summary>
public sealed class Supporter : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? PostalCode { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? Country { get; set; }

    public string Language { get; set; } = Languages.French;
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset LastActiveAt { get; set; } = DateTimeOffset.UtcNow;

    public string FullName => $"{FirstName} {LastName}".Trim();
}
