namespace Relais.TestKit;

/// <summary>A clock that always says the same instant, so that "the future" is known.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>The system clock moved by <paramref name="by"/>: a worker that believes it is later (or earlier).</summary>
public sealed class ShiftedClock(TimeSpan by) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + by;
}
