using System.Text;
using System.Text.RegularExpressions;

namespace Relais.Bench;

/// <summary>
/// Writes a run into bench/README.md: its row of the summary table and the marked blocks
/// (<c>&lt;!-- bench:NAME:KIND --&gt;</c> … <c>&lt;!-- /bench:NAME:KIND --&gt;</c>) of its section.
/// A FULL run owns the table row; a NORMAL run only writes its own note and details.
/// </summary>
public static partial class Readme
{
    public const string TableHeader = "| benchmark | figure | unit | baseline | ratio | p99 | peak memory | date |";
    private const string TableRule = "| --- | ---: | --- | ---: | ---: | ---: | ---: | --- |";

    public static string Update(string repoRoot, SignatureRun run)
    {
        var path = Path.Combine(repoRoot, "bench", "README.md");
        var text = File.Exists(path) ? File.ReadAllText(path) : $"# Benchmarks\n\n{TableHeader}\n{TableRule}\n";
        var normal = run.Options.Sync == "NORMAL";
        if (!normal)
        {
            text = ReplaceRow(text, run.Benchmark, Row(run));
        }
        var suffix = normal ? "-normal" : "";
        text = ReplaceBlock(text, run.Benchmark, "note" + suffix, Note(run));
        text = ReplaceBlock(text, run.Benchmark, "details" + suffix, Details(run));
        File.WriteAllText(path, text);
        return path;
    }

    private static string Row(SignatureRun run)
    {
        var s = run.Signatures;
        var baseline = run.Baseline is { } b ? Report.N(b.PerSecond) : "—";
        var ratio = run.Ratio is { } r ? Report.N(r, "0.000") : "—";
        return $"| {run.Benchmark} | {Report.N(s.PerSecond)} | signatures/s | {baseline} | {ratio} | {Report.N(s.Latency.P99, "0")} ms " +
            $"| {Report.Mb(run.PeakRssHwmKb)} | {run.FinishedAt:yyyy-MM-dd} |";
    }

    private static string Note(SignatureRun run)
    {
        var s = run.Signatures;
        var verdict = run.TargetMet ? "target met" : $"target not met: {Shortfall(run)}";
        var head = run.Options.Sync == "NORMAL"
            ? $"With `--sync NORMAL` (same machine, {run.FinishedAt:yyyy-MM-dd}): {Report.N(s.PerSecond)} signatures/s"
            : $"{run.Benchmark} ({run.Options.Clients} clients, synchronous=FULL): p50 {Report.N(s.Latency.P50, "0.0")} ms";
        var body = run.Options.Sync == "NORMAL"
            ? $", p50 {Report.N(s.Latency.P50, "0.0")} ms, p99 {Report.N(s.Latency.P99, "0.0")} ms, POST-only p99 {Report.N(s.PostLatency?.P99 ?? 0, "0.0")} ms, " +
              $"/health {Report.N(run.Baseline?.PerSecond ?? 0)} req/s, VmHWM {Report.Mb(run.PeakRssHwmKb)}"
            : $", p99 {Report.N(s.Latency.P99, "0.0")} ms (GET form + POST), POST-only p50 {Report.N(s.PostLatency?.P50 ?? 0, "0.0")} ms " +
              $"and p99 {Report.N(s.PostLatency?.P99 ?? 0, "0.0")} ms";
        return $"{head}{body}; {verdict} (target: {Report.N(SignaturesBenchmark.TargetPerSecond)}/s with p99 < {SignaturesBenchmark.TargetP99Ms:0} ms); " +
            $"{Report.N(run.Check.Acknowledged)} acknowledged, {Report.N(run.Check.Missing)} missing.";
    }

    private static string Details(SignatureRun run)
    {
        var s = run.Signatures;
        var b = run.Baseline;
        var c = run.Check;
        var o = run.Options;
        var lines = new StringBuilder();
        void Line(string line) => lines.Append("- ").Append(line).Append('\n');
        Line($"**{run.FinishedAt:yyyy-MM-dd HH:mm} UTC**, `synchronous={o.Sync}`, {o.Clients} clients, {o.DurationSeconds} s measured after {o.WarmupSeconds} s of warm-up" +
            $"{(o.FreshVisitors ? ", a fresh visitor (no cookie) for every signature" : ", each client keeping its cookies")}, demo of {o.DemoSupporters} signers per campaign.");
        Line($"Machine: {run.Environment}.");
        Line($"Server: {run.Environment.ServerBuild}, built from commit {run.Environment.GitHead} (plus any uncommitted change).");
        Line($"**{Report.N(s.PerSecond)} signatures/s** ({Report.N(s.Completed)} in {Report.N(s.Seconds, "0.0")} s; " +
            $"slowest second {Report.N(s.SlowestSecond)}, median {Report.N(s.MedianSecond)}, fastest {Report.N(s.FastestSecond)}).");
        Line($"Signature round trip (GET form + POST): p50 {Ms(s.Latency.P50)}, p90 {Ms(s.Latency.P90)}, **p99 {Ms(s.Latency.P99)}**, p99.9 {Ms(s.Latency.P999)}, max {Ms(s.Latency.Max)}.");
        var w = run.SignatureWarmup;
        if (w.Seconds > 0)
        {
            Line($"Warm-up (the first {Report.N(w.Seconds, "0")} s of the signature load, after the baseline, not counted above): {Report.N(w.PerSecond)} signatures/s, " +
                $"p50 {Ms(w.Latency.P50)}, p99 {Ms(w.Latency.P99)}; per second: {string.Join(' ', w.EachSecond)}.");
            Line($"Measured window, per second: {string.Join(' ', s.EachSecond)}.");
        }
        if (s.PostLatency is { } post)
        {
            Line($"POST alone (validation, antiforgery, group commit, redirect): p50 {Ms(post.P50)}, p90 {Ms(post.P90)}, p99 {Ms(post.P99)}, max {Ms(post.Max)}.");
        }
        if (b is not null)
        {
            Line($"Baseline GET /health, same server, same clients: **{Report.N(b.PerSecond)} req/s** over {Report.N(b.Seconds, "0.0")} s, p50 {Ms(b.Latency.P50)}, p99 {Ms(b.Latency.P99)}; " +
                $"ratio signatures/baseline {Report.N(run.Ratio ?? 0, "0.000")}.");
        }
        Line($"CPU during the signature window (cores busy of {run.Environment.ProcessorCount}): server {Cores(s.Cpu.ServerCores)}, load generator {Cores(s.Cpu.LoadGeneratorCores)}, " +
            $"kernel interrupts {Report.N(s.Cpu.InterruptCores, "0.00")}, other processes {Report.N(s.Cpu.OtherCores, "0.00")}" +
            (b is null ? "." : $"; during the baseline: server {Cores(b.Cpu.ServerCores)}, load generator {Cores(b.Cpu.LoadGeneratorCores)}, kernel interrupts {Report.N(b.Cpu.InterruptCores, "0.00")}, other processes {Report.N(b.Cpu.OtherCores, "0.00")}."));
        if (run.Disturbed)
        {
            Line("**Disturbed run**: other processes used a noticeable share of the CPUs; these figures understate the app.");
        }
        Line($"Server memory: VmHWM **{Report.Mb(run.PeakRssHwmKb)}**; RSS sampled every 100 ms peaked at {Report.Mb(run.PeakSampledRssKb)} " +
            $"({Report.Mb(b?.PeakRssKb ?? 0)} during the baseline, {Report.Mb(s.PeakRssKb)} during the signatures), {Report.Mb(run.IdleRssKb)} idle after start-up.");
        Line($"Database after a graceful stop ({run.Shutdown.Note}, {Report.N(run.Shutdown.Elapsed.TotalSeconds, "0.0")} s): " +
            $"**{Report.N(c.Acknowledged)} acknowledged, {Report.N(c.StoredForRun)} stored**, {c.Missing} missing, {c.Duplicated} duplicated, " +
            $"{c.WrongPetition} on the wrong petition, {c.StoredNotAcknowledged} stored without acknowledgement; petition counters " +
            (c.Petitions.All(p => p.Consistent) ? "equal their Signed activities" : "DIFFER from their Signed activities: " +
                string.Join(", ", c.Petitions.Where(p => !p.Consistent).Select(p => $"{p.Slug} {p.SignatureCount} vs {p.SignedActivities}"))) + ".");
        Line($"Group commit: {Report.N(c.Transactions)} transactions for this run's signatures, mean {Report.N(c.MeanBatch, "0.0")}, median {c.MedianBatch}, largest {c.LargestBatch} per transaction; " +
            $"{Report.N(c.MedianMsBetweenTransactions, "0.0")} ms between the starts of consecutive transactions (median, p90 {Report.N(c.P90MsBetweenTransactions, "0.0")} ms).");
        Line($"Errors: {Report.Errors(run.SignatureErrors)}; baseline errors: {Report.Errors(run.BaselineErrors)}.");
        Line($"Target ({Report.N(SignaturesBenchmark.TargetPerSecond)} signatures/s with p99 < {SignaturesBenchmark.TargetP99Ms:0} ms on 2 cores): " +
            (run.TargetMet ? "**met**." : $"**not met** ({Shortfall(run)})."));
        return lines.ToString();
    }

    /// <summary>Which half of the target a run misses.</summary>
    private static string Shortfall(SignatureRun run)
    {
        var s = run.Signatures;
        var misses = new List<string>();
        if (s.PerSecond < SignaturesBenchmark.TargetPerSecond)
        {
            misses.Add($"{Report.N(s.PerSecond)}/s < {Report.N(SignaturesBenchmark.TargetPerSecond)}/s");
        }
        if (s.Latency.P99 >= SignaturesBenchmark.TargetP99Ms)
        {
            misses.Add($"p99 {Report.N(s.Latency.P99, "0.0")} ms ≥ {SignaturesBenchmark.TargetP99Ms:0} ms");
        }
        return string.Join(", ", misses);
    }

    private static string Ms(double ms) => Report.N(ms, "0.0") + " ms";

    private static string Cores(double? cores) => cores is { } x ? Report.N(x, "0.00") : "?";

    internal static string ReplaceRow(string text, string benchmark, string row)
    {
        var lines = text.Split('\n').ToList();
        var existing = lines.FindIndex(l => l.StartsWith($"| {benchmark} |", StringComparison.Ordinal));
        if (existing >= 0)
        {
            lines[existing] = row;
            return string.Join('\n', lines);
        }
        var header = lines.FindIndex(l => l.Trim() == TableHeader);
        if (header < 0)
        {
            throw new InvalidOperationException($"bench/README.md has no table starting with `{TableHeader}`.");
        }
        var end = header + 1;
        while (end < lines.Count && lines[end].StartsWith('|'))
        {
            end++;
        }
        lines.Insert(end, row);
        return string.Join('\n', lines);
    }

    internal static string ReplaceBlock(string text, string benchmark, string kind, string content)
    {
        var open = $"<!-- bench:{benchmark}:{kind} -->";
        var close = $"<!-- /bench:{benchmark}:{kind} -->";
        var block = $"{open}\n{content.TrimEnd('\n')}\n{close}";
        var pattern = new Regex(Regex.Escape(open) + ".*?" + Regex.Escape(close), RegexOptions.Singleline);
        if (pattern.IsMatch(text))
        {
            return pattern.Replace(text, _ => block, 1);
        }
        return text.TrimEnd('\n') + "\n\n" + block + "\n";
    }
}
