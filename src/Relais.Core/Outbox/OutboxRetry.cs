namespace Relais.Outbox;

/// <summary>When a failed message is tried again: exponential backoff with a cap, then giving up.</summary>
public sealed record OutboxRetry(TimeSpan FirstDelay, TimeSpan MaxDelay, int MaxAttempts)
{
    public static OutboxRetry Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), 10);

    /// <summary>The delay after the <paramref name="attempts"/>-th failure: first, twice as long each time, capped.</summary>
    public TimeSpan DelayAfter(int attempts)
    {
        if (attempts <= 1)
        {
            return FirstDelay;
        }
        // Past 2^30 the cap has long been reached; shifting further would overflow.
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var ticks = FirstDelay.Ticks * factor;
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Whether a message that failed <paramref name="attempts"/> times is abandoned.</summary>
    public bool GivesUp(int attempts) => attempts >= MaxAttempts;
}
