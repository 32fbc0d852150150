namespace Relais.Messaging;

public enum RecipientStatus
{
    /// <summary>Waiting for a sender.</summary>
    Queued,

    /// <summary>A sender holds it until <see cref="MessageRecipient.ClaimedUntil"/>.</summary>
    Claimed,

    /// <summary>Handed to the SMTP server: recorded just before the final dot, see <see cref="MessageRecipient.AcceptedAt"/>.</summary>
    Sent,

    /// <summary>Temporary failures until the attempts ran out.</summary>
    Failed,

    /// <summary>The server refused the address for good (5xx).</summary>
    Bounced,

    /// <summary>Not sent: on the do-not-send list, no longer consenting, or over the frequency cap.</summary>
    Skipped,

    /// <summary>The message was cancelled before it reached this person.</summary>
    Cancelled,
}

/// <summary>
/// One person's copy of a message: its delivery state, and what they did with it. Written for the
/// whole segment when the send starts, so that the send resumes where it stopped after a crash.
/// </summary>
public sealed class MessageRecipient
{
    public const int ErrorMax = 500;

    /// <summary>Ascending in queue order, so that senders claim in ranges.</summary>
    public long Id { get; init; }

    public Guid MessageId { get; init; }
    public Guid SupporterId { get; init; }
    public RecipientStatus Status { get; set; } = RecipientStatus.Queued;
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>
    /// When the server confirmed the copy after its final dot. A sent copy without it after the send
    /// is over is one whose sender died between recording the hand-over and hearing the server: the
    /// server may or may not have it, and it is never sent again (never twice).
    /// </summary>
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>Why it was skipped, failed or bounced ("suppressed", "capped", the server's reply…).</summary>
    public string? Error { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClickedAt { get; set; }
}

/// <summary>A link of a message whose clicks are counted: the email carries /m/{message}/{index}/… instead of the URL.</summary>
public sealed class MessageLink
{
    public const int UrlMax = 2_000;

    public Guid MessageId { get; init; }
    public int Index { get; init; }
    public required string Url { get; init; }
    public int ClickCount { get; set; }
}
