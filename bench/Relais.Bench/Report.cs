using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Relais.Bench;

/// <summary>The console summary and the JSON record (bench/results/, not committed) of a run.</summary>
public static class Report
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string N(double value, string format = "N0") => value.ToString(format, En);

    public static string Mb(long kb) => N(kb / 1024.0, "N0") + " MB";

    public static void Print(SignatureRun run)
    {
        var s = run.Signatures;
        var b = run.Baseline;
        var c = run.Check;
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"== {run.Benchmark} ({run.Options.Clients} clients, synchronous={run.Options.Sync}) ==");
        text.AppendLine($"signatures      {N(s.PerSecond)} /s over {N(s.Seconds, "N1")} s ({N(s.Completed)} acknowledged, {N(s.Failed)} failed in the window)");
        text.AppendLine($"  per second    slowest {N(s.SlowestSecond)}, median {N(s.MedianSecond)}, fastest {N(s.FastestSecond)}");
        text.AppendLine($"  each second   {string.Join(' ', s.EachSecond)}");
        text.AppendLine($"  GET+POST      {s.Latency}");
        if (s.PostLatency is { } post)
        {
            text.AppendLine($"  POST only     {post}");
        }
        var w = run.SignatureWarmup;
        if (w.Seconds > 0)
        {
            text.AppendLine($"warm-up         {N(w.PerSecond)} signatures/s over the first {N(w.Seconds, "N1")} s (not counted above), p50 {N(w.Latency.P50, "0.0")} ms, p99 {N(w.Latency.P99, "0.0")} ms, server {Cores(w.Cpu.ServerCores)} cores");
            text.AppendLine($"  each second   {string.Join(' ', w.EachSecond)}");
        }
        if (b is not null)
        {
            text.AppendLine($"baseline        {N(b.PerSecond)} GET /health/s ({b.Latency}); ratio {N(run.Ratio ?? 0, "0.000")}");
        }
        text.AppendLine($"CPU (cores of {run.Environment.ProcessorCount}) signatures: server {Cores(s.Cpu.ServerCores)}, load generator {Cores(s.Cpu.LoadGeneratorCores)}, interrupts {N(s.Cpu.InterruptCores, "0.00")}, machine {N(s.Cpu.MachineCores, "0.00")}, other processes {N(s.Cpu.OtherCores, "0.00")}");
        if (b is not null)
        {
            text.AppendLine($"                 baseline:   server {Cores(b.Cpu.ServerCores)}, load generator {Cores(b.Cpu.LoadGeneratorCores)}, interrupts {N(b.Cpu.InterruptCores, "0.00")}, machine {N(b.Cpu.MachineCores, "0.00")}, other processes {N(b.Cpu.OtherCores, "0.00")}");
        }
        text.AppendLine($"server memory   VmHWM {Mb(run.PeakRssHwmKb)}; sampled RSS peak {Mb(run.PeakSampledRssKb)} ({N(run.MemorySamples)} samples), idle after start {Mb(run.IdleRssKb)}");
        text.AppendLine($"                peak during baseline {Mb(b?.PeakRssKb ?? 0)}, during signatures {Mb(s.PeakRssKb)}");
        text.AppendLine($"errors          {Errors(run.SignatureErrors)} (baseline: {Errors(run.BaselineErrors)})");
        if (run.FirstErrorDetail is { } detail)
        {
            text.AppendLine($"  first error   {Shorten(detail, 600)}");
        }
        text.AppendLine($"shutdown        {run.Shutdown.Note} in {N(run.Shutdown.Elapsed.TotalSeconds, "0.0")} s (exit code {run.Shutdown.ExitCode})");
        text.AppendLine($"database        {N(c.Acknowledged)} acknowledged (whole run, warm-up and drain included), {N(c.StoredForRun)} stored: " +
            $"{c.Missing} missing, {c.Duplicated} duplicated, {c.WrongPetition} on the wrong petition, {c.StoredNotAcknowledged} stored without acknowledgement");
        foreach (var p in c.Petitions)
        {
            text.AppendLine($"  {p.Slug,-28} SignatureCount {N(p.SignatureCount)} vs {N(p.SignedActivities)} Signed activities {(p.Consistent ? "ok" : "MISMATCH")}");
        }
        text.AppendLine($"group commit    {N(c.Transactions)} transactions for this run's signatures: mean {N(c.MeanBatch, "0.0")}, median {c.MedianBatch}, largest {c.LargestBatch} per transaction; " +
            $"{N(c.MedianMsBetweenTransactions, "0.0")} ms between the starts of consecutive transactions (median; p90 {N(c.P90MsBetweenTransactions, "0.0")} ms)");
        if (run.Disturbed)
        {
            text.AppendLine($"WARNING         other processes used the CPUs (before: {N(run.OtherCoresBeforeStart, "0.00")}, baseline: {N(b?.Cpu.OtherCores ?? 0, "0.00")}, " +
                $"signatures: {N(s.Cpu.OtherCores, "0.00")} cores): these figures understate the app; rerun on a quiet machine (--wait-quiet)");
        }
        text.AppendLine($"verification    {(c.Passed ? "PASSED" : "FAILED")}");
        text.AppendLine($"target          {N(SignaturesBenchmark.TargetPerSecond)}/s with p99 < {SignaturesBenchmark.TargetP99Ms} ms: " +
            (run.TargetMet ? "met" : $"NOT met ({N(s.PerSecond)}/s, p99 {N(s.Latency.P99, "0.0")} ms)"));
        Console.Write(text.ToString());
    }

    public static string SaveJson(SignatureRun run, string repoRoot)
    {
        var folder = Path.Combine(repoRoot, "bench", "results");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{run.Benchmark}-{run.Options.Sync.ToLowerInvariant()}-{run.FinishedAt:yyyyMMdd-HHmmss}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(run, Json));
        return path;
    }

    public static string Errors(IReadOnlyDictionary<string, int> errors) =>
        errors.Count == 0 ? "none" : string.Join(", ", errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} ×{N(e.Value)}"));

    private static string Cores(double? cores) => cores is { } x ? N(x, "0.00") : "?";

    private static string Shorten(string text, int max)
    {
        var flat = text.ReplaceLineEndings(" ⏎ ");
        return flat.Length <= max ? flat : flat[..max] + "…";
    }
}
