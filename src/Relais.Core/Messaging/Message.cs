using Relais.Organizations;

namespace Relais.Messaging;

public enum MessageStatus
{
    Draft,
    Scheduled,
    Sending,
    Paused,
    Cancelled,
    Sent,
}

/// <summary>
/// A bulk email to a segment, written once per language (<see cref="MessageVersion"/>), with its
/// schedule and the running totals of its delivery (<see cref="MessageRecipient"/> holds each person's state).
/// </summary>
public sealed class Message : IOrganizationOwned
{
    public const int NameMax = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }

    /// <summary>The organizers' own title; recipients never see it.</summary>
    public required string Name { get; set; }

    /// <summary>Who receives it; null once the segment is deleted, which stops a send that has not started.</summary>
    public Guid? SegmentId { get; set; }

    /// <summary>The campaign whose counter and relay link the merge fields use, if any.</summary>
    public Guid? CampaignId { get; set; }

    public MessageStatus Status { get; set; } = MessageStatus.Draft;

    /// <summary>When a scheduled message starts; null sends as soon as it is queued.</summary>
    public DateTimeOffset? ScheduledAt { get; set; }

    /// <summary>Sends even to people who reached the organization's weekly cap (an urgent message).</summary>
    public bool OverrideFrequencyCap { get; set; }

    /// <summary>Links go through Relais so that clicks are counted; off by default.</summary>
    public bool TrackClicks { get; set; }

    /// <summary>A one-pixel image counts opens; off by default (privacy).</summary>
    public bool TrackOpens { get; set; }

    /// <summary>Actions a recipient takes within this many days after receiving it count for the message.</summary>
    public int AttributionDays { get; set; } = 7;

    // Running totals, bumped in the same transaction as the recipients' states, so that the
    // progress bar never counts a million rows.
    public int RecipientCount { get; set; }
    public int SentCount { get; set; }
    public int FailedCount { get; set; }
    public int BouncedCount { get; set; }

    /// <summary>Not sent: suppressed, unsubscribed during the send, or over the frequency cap.</summary>
    public int SkippedCount { get; set; }

    public int UnsubscribedCount { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>The words of a message in one language; a supporter receives the version of their language.</summary>
public sealed class MessageVersion
{
    public const int SubjectMax = 200;
    public const int PreheaderMax = 250;
    public const int BodyMax = 100_000;

    public Guid MessageId { get; init; }

    /// <summary>"fr" or "en".</summary>
    public required string Language { get; init; }

    public string Subject { get; set; } = "";

    /// <summary>The line inboxes show after the subject.</summary>
    public string Preheader { get; set; } = "";

    /// <summary>Markdown with merge fields such as <c>{{ first_name }}</c>; raw HTML is not allowed.</summary>
    public string Body { get; set; } = "";
}
