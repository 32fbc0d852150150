using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Relais.Bench;

/// <summary>
/// signatures-sqlite: sustained signatures per second through the public petition form of a real
/// server process on SQLite, with GET /health of the same server as a baseline, then a check that
/// every acknowledged signature is in the database.
/// </summary>
public static class SignaturesBenchmark
{
    public const string Name = "signatures-sqlite";
    public const double TargetPerSecond = 2_000;
    public const double TargetP99Ms = 100;

    public static async Task<int> RunAsync(BenchOptions options, string repoRoot, CancellationToken ct)
    {
        var serverDir = Path.GetFullPath(options.ServerDir ?? Path.Combine(repoRoot, "src", "Relais.Web", "bin", "Release", "net10.0"));
        var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var dataFolder = Path.Combine(Path.GetTempPath(), $"relais-bench-{runId}");
        Directory.CreateDirectory(dataFolder);
        var environment = BenchEnvironment.Describe(dataFolder, serverDir, repoRoot);
        Console.WriteLine($"{Name}: {options.Clients} clients, {options.DurationSeconds} s measured (+{options.WarmupSeconds} s warm-up), " +
            $"baseline {options.BaselineSeconds} s, synchronous={options.Sync}{(options.FreshVisitors ? ", fresh visitors" : "")}");
        Console.WriteLine($"  {environment}");
        Console.WriteLine($"  server: {environment.ServerBuild}, repository at {environment.GitHead}");
        Console.WriteLine($"  data folder {dataFolder}");

        var busyBefore = await WaitQuietAsync(options.WaitQuietSeconds, ct);
        Console.WriteLine($"  other processes kept {busyBefore:0.00} of {Environment.ProcessorCount} cores busy just before the start" +
            (busyBefore > QuietCores ? " — the machine is not quiet: figures will be low and noisy" : ""));

        var keep = options.KeepData;
        var clients = new List<LoadClient>();
        ServerProcess? server = null;
        try
        {
            var startedAt = Stopwatch.GetTimestamp();
            server = ServerProcess.Start(serverDir, dataFolder, options.Sync, options.DemoSupporters, options.ServerEnvironment);
            await server.WaitHealthyAsync(TimeSpan.FromMinutes(3), ct);
            var startup = Stopwatch.GetElapsedTime(startedAt);
            server.StartSampling();
            var idleRssKb = ProcFs.StatusKb(server.Pid, "VmRSS") ?? 0;
            Console.WriteLine($"  server pid {server.Pid} on {server.BaseAddress} ready in {startup.TotalSeconds:0.0} s, RSS {idleRssKb / 1024.0:0} MB");

            var timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds);
            for (var i = 0; i < options.Clients; i++)
            {
                clients.Add(new LoadClient(i, server.BaseAddress, runId, options.FreshVisitors, timeout));
            }

            PhaseResult? baseline = null;
            var baselineErrors = new Dictionary<string, int>();
            if (options.BaselineSeconds > 0)
            {
                Console.WriteLine($"  baseline: GET /health, {options.WarmupSeconds} s warm-up + {options.BaselineSeconds} s…");
                (_, baseline) = await RunPhaseAsync("GET /health", server, clients, (c, stop) => c.RunHealthAsync(stop),
                    options.WarmupSeconds, options.BaselineSeconds, timeout, withPost: false, ct);
                baselineErrors = MergeErrors(clients);
                Console.WriteLine($"    {baseline.PerSecond:N0} req/s, {baseline.Latency}");
                foreach (var client in clients)
                {
                    client.Reset();
                }
            }

            Console.WriteLine($"  signatures: GET form + POST, {options.WarmupSeconds} s warm-up + {options.DurationSeconds} s…");
            var (warmup, signatures) = await RunPhaseAsync("signature (GET + POST)", server, clients, (c, stop) => c.RunSignaturesAsync(stop),
                options.WarmupSeconds, options.DurationSeconds, timeout, withPost: true, ct);
            if (warmup.Seconds > 0)
            {
                Console.WriteLine($"    warm-up: {warmup.PerSecond:N0} signatures/s, {warmup.Latency}");
            }
            Console.WriteLine($"    {signatures.PerSecond:N0} signatures/s, {signatures.Latency}");
            var signatureErrors = MergeErrors(clients);
            var errorSample = clients.Select(c => c.FirstErrorDetail).FirstOrDefault(d => d is not null);

            var acknowledged = clients
                .SelectMany(c => c.Attempts.Where(a => a.Ok && a.Sequence > 0)
                    .Select(a => (LoadClient.Email(runId, c.Id, a.Sequence), LoadClient.Slugs[a.Slug])))
                .ToList();
            var attempted = clients.Sum(c => c.Attempts.Count);

            var peakRssKb = server.PeakRssKb();
            var hwmKb = ProcFs.StatusKb(server.Pid, "VmHWM") ?? 0;
            var samples = server.MemorySampleCount;
            await server.StopSamplingAsync();
            var serverAlive = !server.HasExited;
            Console.WriteLine("  stopping the server (SIGTERM)…");
            var shutdown = await server.StopAsync(TimeSpan.FromSeconds(60));
            Console.WriteLine($"    {shutdown.Note} in {shutdown.Elapsed.TotalSeconds:0.0} s, exit code {shutdown.ExitCode}");

            Console.WriteLine("  checking the database…");
            var check = DatabaseCheck.Run(Path.Combine(dataFolder, "relais.db"), runId, acknowledged);

            var run = new SignatureRun(
                Name,
                DateTimeOffset.UtcNow,
                options,
                environment,
                busyBefore,
                startup.TotalSeconds,
                idleRssKb,
                baseline,
                baselineErrors,
                warmup,
                signatures,
                signatureErrors,
                errorSample,
                attempted,
                peakRssKb,
                hwmKb,
                samples,
                serverAlive,
                shutdown,
                check);
            Report.Print(run);
            var json = Report.SaveJson(run, repoRoot);
            Console.WriteLine($"  details: {json}");
            if (options.UpdateReadme)
            {
                var readme = Readme.Update(repoRoot, run);
                Console.WriteLine($"  updated {readme}");
            }
            if (!check.Passed || !serverAlive)
            {
                keep = true;
            }
            return check.Passed && serverAlive ? 0 : 1;
        }
        catch
        {
            keep = true;
            if (server is not null)
            {
                await Console.Error.WriteLineAsync($"server log tail ({server.LogPath}):\n{server.Tail()}");
            }
            throw;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
            if (server is not null)
            {
                await server.DisposeAsync();
            }
            if (keep)
            {
                Console.WriteLine($"  kept {dataFolder}");
            }
            else
            {
                TryDelete(dataFolder);
            }
        }
    }

    /// <summary>Runs the load for warm-up plus measured seconds; returns both windows.</summary>
    internal static async Task<(PhaseResult Warmup, PhaseResult Measured)> RunPhaseAsync(
        string name,
        ServerProcess server,
        List<LoadClient> clients,
        Func<LoadClient, CancellationToken, Task> loop,
        int warmupSeconds,
        int seconds,
        TimeSpan timeout,
        bool withPost,
        CancellationToken ct)
    {
        using var stop = new CancellationTokenSource();
        var phaseStart = Stopwatch.GetTimestamp();
        var cold = CpuReading.Take(server.Pid);
        var tasks = clients.Select(c => Task.Run(() => loop(c, stop.Token), CancellationToken.None)).ToArray();
        CpuReading start, end;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(warmupSeconds), ct);
            start = CpuReading.Take(server.Pid);
            await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
            end = CpuReading.Take(server.Pid);
        }
        finally
        {
            await stop.CancelAsync();
            // Each client finishes the signature it has started; a request never outlives its timeout.
            try
            {
                await Task.WhenAll(tasks).WaitAsync(timeout * 2 + TimeSpan.FromSeconds(10), CancellationToken.None);
            }
            catch (TimeoutException)
            {
                await Console.Error.WriteLineAsync($"  {name}: some clients did not stop in time");
            }
        }
        if (server.HasExited)
        {
            throw new InvalidOperationException($"The server exited during the {name} load; see {server.LogPath}:\n{server.Tail()}");
        }
        var phaseEnd = Stopwatch.GetTimestamp();
        var attempts = clients.SelectMany(c => c.Attempts).ToList();
        return (
            PhaseResult.Of(name + " warm-up", attempts, cold.Timestamp, start.Timestamp, withPost,
                CpuReading.Between(cold, start), server.PeakRssKb(phaseStart, start.Timestamp)),
            PhaseResult.Of(name, attempts, start.Timestamp, end.Timestamp, withPost,
                CpuReading.Between(start, end), server.PeakRssKb(phaseStart, phaseEnd)));
    }

    /// <summary>Cores busy on the machine that count as idle (shells, the kernel, this process starting).</summary>
    public const double QuietCores = 0.25;

    /// <summary>Waits up to <paramref name="seconds"/> for two quiet seconds in a row; returns the last busy figure.</summary>
    internal static async Task<double> WaitQuietAsync(int seconds, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var busy = await CpuReading.MachineBusyAsync(TimeSpan.FromSeconds(2), ct);
        if (seconds > 0 && busy > QuietCores)
        {
            Console.WriteLine($"  waiting up to {seconds} s for the machine to be quiet ({busy:0.00} cores busy)…");
        }
        while (busy > QuietCores && Stopwatch.GetElapsedTime(started).TotalSeconds < seconds)
        {
            busy = await CpuReading.MachineBusyAsync(TimeSpan.FromSeconds(2), ct);
        }
        return busy;
    }

    internal static Dictionary<string, int> MergeErrors(List<LoadClient> clients)
    {
        var all = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (error, count) in clients.SelectMany(c => c.Errors))
        {
            all[error] = all.GetValueOrDefault(error) + count;
        }
        return all;
    }

    internal static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed record BenchEnvironment(
    int ProcessorCount, string Cpu, string Os, string Runtime, string DataFileSystem, string ServerDir, string ServerBuild, string GitHead)
{
    public static BenchEnvironment Describe(string dataFolder, string serverDir, string repoRoot) => new(
        Environment.ProcessorCount,
        ProcFs.CpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        ProcFs.FileSystemOf(dataFolder),
        serverDir,
        ServerBuildOf(serverDir),
        GitHeadOf(repoRoot));

    /// <summary>Which server binary ran: Relais.Web.dll's build time and the start of its SHA-256.</summary>
    private static string ServerBuildOf(string serverDir)
    {
        var dll = new FileInfo(Path.Combine(serverDir, "Relais.Web.dll"));
        if (!dll.Exists)
        {
            return "missing";
        }
        using var stream = dll.OpenRead();
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        return $"Relais.Web.dll {dll.LastWriteTimeUtc:yyyy-MM-dd HH:mm:ss} UTC sha256:{hash}";
    }

    /// <summary>The commit checked out (read from .git, without running git); uncommitted changes are not seen.</summary>
    private static string GitHeadOf(string repoRoot)
    {
        try
        {
            var head = File.ReadAllText(Path.Combine(repoRoot, ".git", "HEAD")).Trim();
            if (!head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                return head[..Math.Min(12, head.Length)];
            }
            var reference = head[5..];
            var loose = Path.Combine(repoRoot, ".git", reference);
            if (File.Exists(loose))
            {
                return File.ReadAllText(loose).Trim()[..12];
            }
            var packed = Path.Combine(repoRoot, ".git", "packed-refs");
            var line = File.Exists(packed) ? File.ReadLines(packed).FirstOrDefault(l => l.EndsWith(" " + reference, StringComparison.Ordinal)) : null;
            return line is null ? "unknown" : line[..12];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    public override string ToString() =>
        $"{ProcessorCount} cores ({Cpu}), {Os}, {Runtime}, data on {DataFileSystem}; server and load generator share the cores";
}

public sealed record SignatureRun(
    string Benchmark,
    DateTimeOffset FinishedAt,
    BenchOptions Options,
    BenchEnvironment Environment,
    double OtherCoresBeforeStart,
    double StartupSeconds,
    long IdleRssKb,
    PhaseResult? Baseline,
    Dictionary<string, int> BaselineErrors,
    PhaseResult SignatureWarmup,
    PhaseResult Signatures,
    Dictionary<string, int> SignatureErrors,
    string? FirstErrorDetail,
    int SignaturesAttempted,
    long PeakSampledRssKb,
    long PeakRssHwmKb,
    int MemorySamples,
    bool ServerAliveAtEnd,
    ShutdownResult Shutdown,
    CheckResult Check)
{
    public double? Ratio => Baseline is { PerSecond: > 0 } b ? Signatures.PerSecond / b.PerSecond : null;

    /// <summary>Other processes took a noticeable share of the CPUs: the figures understate the app.</summary>
    public bool Disturbed => OtherCoresBeforeStart > SignaturesBenchmark.QuietCores
        || Signatures.Cpu.OtherCores > SignaturesBenchmark.QuietCores
        || (Baseline?.Cpu.OtherCores ?? 0) > SignaturesBenchmark.QuietCores;

    public bool TargetMet => Signatures.PerSecond >= SignaturesBenchmark.TargetPerSecond
        && Signatures.Latency.P99 < SignaturesBenchmark.TargetP99Ms;
}
