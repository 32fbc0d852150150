namespace Relais.Organizations;

public enum MemberRole
{
    Viewer,
    GroupLeader,
    Organizer,
    Owner,
}

/// <summary>
/// A staff or volunteer account of an organization. It carries the fields ASP.NET Core Identity
/// needs (hash, stamp, lockout), so that one table holds who someone is and what they may do.
/// </summary>
public sealed class Member : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public string DisplayName { get; set; } = "";
    public MemberRole Role { get; set; } = MemberRole.Organizer;
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
    public int AccessFailedCount { get; set; }
    public DateTimeOffset? LockoutEnd { get; set; }
    public bool LockoutEnabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public bool CanEdit => Role is MemberRole.Organizer or MemberRole.Owner;
}
