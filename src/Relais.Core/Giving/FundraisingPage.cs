using Relais.Organizations;

namespace Relais.Giving;

public enum FundraisingPageStatus
{
    AwaitingApproval,
    Approved,
    Rejected,
}

/// <summary>
/// A supporter's personal fundraising page under a fundraiser (peer-to-peer): own goal, own story,
/// own relay link; alone or in a team.
/// </summary>
public sealed class FundraisingPage : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid FundraiserId { get; set; }
    public Guid SupporterId { get; set; }
    public Guid? TeamId { get; set; }

    /// <summary>Unique across the instance: the page lives at /p/{slug}.</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Story { get; set; } = "";
    public long GoalMinor { get; set; }
    public FundraisingPageStatus Status { get; set; } = FundraisingPageStatus.Approved;

    public long RaisedMinor { get; set; }
    public int DonationCount { get; set; }
    public int DonorCount { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>A team of personal fundraising pages under a fundraiser, with a captain and a shared goal.</summary>
public sealed class FundraisingTeam : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid FundraiserId { get; set; }
    public Guid CaptainSupporterId { get; set; }

    /// <summary>Unique across the instance: the team lives at /t/{slug}.</summary>
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public long GoalMinor { get; set; }

    public long RaisedMinor { get; set; }
    public int DonationCount { get; set; }
    public int DonorCount { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
