namespace Relais.Messaging;

/// <summary>The rules of a bulk send that need no database: retries, the weekly cap, identifiers.</summary>
public static class DeliveryRules
{
    /// <summary>Attempts before a temporary failure (4xx) becomes final.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Why a recipient was not sent to, as stored in <see cref="MessageRecipient.Error"/>.</summary>
    public const string Suppressed = "suppressed";

    public const string NotMailable = "not-mailable";
    public const string Capped = "capped";

    /// <summary>The do-not-send reasons this send path writes.</summary>
    public const string BounceReason = "bounce";

    public const string UnsubscribeReason = "unsubscribe";

    public static readonly TimeSpan CapWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// The wait before the next attempt after <paramref name="attempts"/> failed ones: 1, 4, 16, 64
    /// minutes… capped at 6 hours, so that a greylisting server is retried soon and a broken one rarely.
    /// </summary>
    public static TimeSpan Backoff(int attempts)
    {
        var minutes = Math.Pow(4, Math.Clamp(attempts - 1, 0, 10));
        return TimeSpan.FromMinutes(Math.Min(minutes, 360));
    }

    /// <summary>True when the failed attempt was the last one allowed.</summary>
    public static bool IsLastAttempt(int attempts) => attempts >= MaxAttempts;

    /// <summary>Whether one more bulk email fits under the weekly cap (0 = no cap).</summary>
    public static bool UnderCap(int weeklyCap, int sentInWindow, bool overrideCap) =>
        overrideCap || weeklyCap <= 0 || sentInWindow < weeklyCap;

    /// <summary>The Message-ID of a recipient's copy, the same on every attempt so that a receiver can drop a repeat.</summary>
    public static string MessageId(long recipientId, Guid messageId, string host) => $"{recipientId}.{messageId:N}@{host}";

    /// <summary>Cuts a server reply to the stored length.</summary>
    public static string Error(string text) => text.Length <= MessageRecipient.ErrorMax ? text : text[..MessageRecipient.ErrorMax];
}
