using Relais.Organizations;

namespace Relais.Groups;

/// <summary>A chapter with members and leaders, usually tied to a place.</summary>
public sealed class LocalGroup : IOrganizationOwned
{
    public const int NameMax = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Name { get; set; }

    /// <summary>Where it meets, in words ("Lyon 7e", "Université de Rennes").</summary>
    public string? Place { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? Country { get; set; }

    /// <summary>Postal codes starting with this belong to the group's area ("69", "750").</summary>
    public string? PostalCodePrefix { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

public enum GroupRole
{
    Member,
    Leader,
}

/// <summary>A supporter's place in a local group; one per group and person.</summary>
public sealed class GroupMembership : IOrganizationOwned
{
    public Guid GroupId { get; init; }
    public Guid SupporterId { get; init; }
    public Guid OrganizationId { get; init; }
    public GroupRole Role { get; set; } = GroupRole.Member;
    public DateTimeOffset JoinedAt { get; init; } = DateTimeOffset.UtcNow;
}
