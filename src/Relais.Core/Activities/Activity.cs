using Relais.Organizations;

namespace Relais.Activities;

public enum ActivityType
{
    Signed,
    Donated,
    Pledged,
    Rsvped,
    Attended,
    Hosted,
    Shared,
    Referred,
    Submitted,
    Subscribed,
    Unsubscribed,
    Opened,
    Clicked,
}

/// <summary>
/// An immutable record of what a supporter did. Counters, ladder levels and reports derive from
/// activities; a signature is one activity, unique per supporter and petition in the database.
/// </summary>
public sealed class Activity : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public Guid SupporterId { get; init; }
    public ActivityType Type { get; init; }
    public Guid? CampaignId { get; init; }

    /// <summary>The action acted on (a petition, later a fundraiser or an event).</summary>
    public Guid? ActionId { get; init; }

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>What the supporter wrote with it, such as a petition comment.</summary>
    public string? Comment { get; init; }

    /// <summary>For a <see cref="ActivityType.Referred"/> activity: the supporter the relay brought.</summary>
    public Guid? ReferredSupporterId { get; init; }

    /// <summary>Where it came from: "web", "import", "demo", an embedding site…</summary>
    public string Source { get; init; } = "web";
}
