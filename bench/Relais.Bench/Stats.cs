using System.Diagnostics;

namespace Relais.Bench;

/// <summary>Exact latency percentiles (nearest rank) from every recorded value, in milliseconds.</summary>
public sealed record Latency(int Count, double Mean, double P50, double P90, double P99, double P999, double Max)
{
    public static Latency Of(IEnumerable<int> micros)
    {
        var sorted = micros.ToArray();
        if (sorted.Length == 0)
        {
            return new Latency(0, 0, 0, 0, 0, 0, 0);
        }
        Array.Sort(sorted);
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)] / 1_000.0;
        return new Latency(sorted.Length, sorted.Average(v => (double)v) / 1_000.0, At(0.50), At(0.90), At(0.99), At(0.999), sorted[^1] / 1_000.0);
    }

    public override string ToString() =>
        $"p50 {P50:0.0} ms, p90 {P90:0.0} ms, p99 {P99:0.0} ms, p99.9 {P999:0.0} ms, max {Max:0.0} ms, mean {Mean:0.0} ms";
}

/// <summary>What happened in one measured window of a load phase.</summary>
public sealed record PhaseResult(
    string Name,
    double Seconds,
    int Completed,
    int Failed,
    double PerSecond,
    Latency Latency,
    Latency? PostLatency,
    double SlowestSecond,
    double MedianSecond,
    double FastestSecond,
    CpuUse Cpu,
    long PeakRssKb,
    IReadOnlyList<int> EachSecond)
{
    /// <summary>Keeps the attempts that ended inside [start, end].</summary>
    public static PhaseResult Of(
        string name, IEnumerable<Attempt> attempts, long start, long end, bool withPost, CpuUse cpu, long peakRssKb)
    {
        var inWindow = attempts.Where(a => a.Ended >= start && a.Ended <= end).ToList();
        var ok = inWindow.Where(a => a.Ok).ToList();
        var seconds = Stopwatch.GetElapsedTime(start, end).TotalSeconds;
        var perSecond = PerWholeSecond(ok, start, end);
        return new PhaseResult(
            name,
            seconds,
            ok.Count,
            inWindow.Count - ok.Count,
            seconds > 0 ? ok.Count / seconds : 0,
            Latency.Of(ok.Select(a => a.TotalMicros)),
            withPost ? Latency.Of(ok.Select(a => a.PostMicros)) : null,
            perSecond.Length == 0 ? 0 : perSecond.Min(),
            perSecond.Length == 0 ? 0 : perSecond.Order().ElementAt(perSecond.Length / 2),
            perSecond.Length == 0 ? 0 : perSecond.Max(),
            cpu,
            peakRssKb,
            perSecond.Select(c => (int)c).ToArray());
    }

    /// <summary>Completions in each whole second of the window (a partial last second is left out).</summary>
    private static double[] PerWholeSecond(List<Attempt> ok, long start, long end)
    {
        var seconds = (int)Math.Floor(Stopwatch.GetElapsedTime(start, end).TotalSeconds);
        var counts = new double[Math.Max(0, seconds)];
        foreach (var attempt in ok)
        {
            var second = (int)((attempt.Ended - start) / Stopwatch.Frequency);
            if (second >= 0 && second < counts.Length)
            {
                counts[second]++;
            }
        }
        return counts;
    }
}
