using Bogus;

namespace Relais.Demo;

/// <summary>
/// When demo signatures happen: a spike at launch, a long decay, the story's bursts, at the hours
/// people are awake where they live, and never after "now", so charts look like a real campaign's.
/// </summary>
internal sealed class DemoTimeline
{
    private const double LaunchMeanDays = 1.5;
    private const double BurstMeanDays = 0.8;

    // Relative weight of each local hour, 0 h to 23 h: quiet nights, a lunch bump, busy evenings.
    private static readonly double[] HourWeights =
        [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2.5, 4, 5, 5, 5, 6, 6, 5, 5, 5, 6, 7, 8, 9, 9, 6, 3];

    private static readonly double[] HourCumulative = Cumulate(HourWeights);

    private readonly Randomizer _random;
    private readonly DateTimeOffset _now;
    private readonly DateTimeOffset _latest;

    public DemoTimeline(Randomizer random, DateTimeOffset now)
    {
        _random = random;
        _now = now;
        // A minute of margin, so that a signature is never stamped after the clock the caller passed.
        _latest = now.AddMinutes(-1);
    }

    /// <summary>The story's launch: in the morning UTC, the given number of days before now.</summary>
    public DateTimeOffset LaunchOf(DemoStory story)
    {
        var day = _now.UtcDateTime.Date.AddDays(-story.LaunchedDaysAgo).AddHours(8);
        return new DateTimeOffset(day, TimeSpan.Zero);
    }

    public DateTimeOffset NextSignature(DemoStory story, DateTimeOffset launch, TimeSpan utcOffset)
    {
        var ageDays = (_latest - launch).TotalDays;
        if (ageDays <= 0)
        {
            return launch;
        }
        // Rejection keeps the shape of the curve while respecting both ends of the window.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var days = OffsetDays(story, ageDays);
            if (days > ageDays)
            {
                continue;
            }
            var at = AtLocalHour(launch.AddDays(days), utcOffset);
            if (at >= launch && at <= _latest)
            {
                return at;
            }
        }
        return launch.AddDays(_random.Double() * ageDays);
    }

    private double OffsetDays(DemoStory story, double ageDays)
    {
        var u = _random.Double();
        if (u < story.LaunchShare)
        {
            return Exponential(LaunchMeanDays);
        }
        u -= story.LaunchShare;
        foreach (var burst in story.Bursts)
        {
            if (u < burst.Share)
            {
                return burst.DaysAfterLaunch + Exponential(BurstMeanDays);
            }
            u -= burst.Share;
        }
        // The steady trickle of a campaign that people keep finding, fading as it ages.
        return Exponential(ageDays * 0.5);
    }

    /// <summary>The same local day, at an hour drawn from when people sign.</summary>
    private DateTimeOffset AtLocalHour(DateTimeOffset instant, TimeSpan utcOffset)
    {
        var localDay = instant.ToOffset(utcOffset).Date;
        var hour = Array.BinarySearch(HourCumulative, _random.Double() * HourCumulative[^1]);
        hour = hour < 0 ? ~hour : hour;
        var local = new DateTimeOffset(localDay, utcOffset)
            .AddHours(Math.Min(hour, 23))
            .AddSeconds(_random.Int(0, 3_599));
        return local.ToUniversalTime();
    }

    private double Exponential(double mean) => -mean * Math.Log(1 - _random.Double());

    private static double[] Cumulate(double[] weights)
    {
        var sums = new double[weights.Length];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += weights[i];
            sums[i] = total;
        }
        return sums;
    }
}
