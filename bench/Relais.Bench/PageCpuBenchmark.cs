using System.Diagnostics;
using System.Globalization;

namespace Relais.Bench;

/// <summary>
/// The server CPU one GET of a page costs, for two builds side by side: on a shared machine whose
/// speed changes from minute to minute, two runs of the signature benchmark a few minutes apart
/// can differ by 30 % with the same build. Both servers run at once, each on its own fresh
/// database, and the rounds alternate between them, so both see the same machine; the figure is
/// the server's own CPU time (utime + stime) per request, which waiting does not inflate.
/// </summary>
public static class PageCpuBenchmark
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Relais.Bench -- page-cpu [options]

          --server-dir DIR           a build to measure; give it twice to compare two builds
                                     (default: src/Relais.Web/bin/Release/net10.0)
          --path P                   the page (default /c/350-journee-action, the demo's first campaign)
          --requests N               requests per round (default 20000)
          --rounds N                 measured rounds per build (default 6)
          --warmup N                 requests per build before measuring: past tiered compilation (default 60000)
          --clients N                concurrent clients (default 8)
        """;

    public static async Task<int> RunAsync(string[] args, string repoRoot, CancellationToken ct)
    {
        var dirs = new List<string>();
        var path = "/c/350-journee-action";
        int requests = 20_000, rounds = 6, warmup = 60_000, clients = 8;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            switch (args[i])
            {
                case "--server-dir": dirs.Add(Path.GetFullPath(Next())); break;
                case "--path": path = Next(); break;
                case "--requests": requests = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--clients": clients = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        if (dirs.Count == 0)
        {
            dirs.Add(Path.Combine(repoRoot, "src", "Relais.Web", "bin", "Release", "net10.0"));
        }
        var servers = new List<(string Dir, ServerProcess Server, string Data)>();
        try
        {
            foreach (var dir in dirs)
            {
                var data = Directory.CreateTempSubdirectory("relais-bench-page-cpu-").FullName;
                servers.Add((dir, ServerProcess.Start(dir, data, "NORMAL", 200, []), data));
            }
            foreach (var (_, server, _) in servers)
            {
                await server.WaitHealthyAsync(TimeSpan.FromMinutes(5), ct);
            }
            var http = servers.Select(s => Enumerable.Range(0, clients).Select(_ => ClosedLoop.Client(s.Server.BaseAddress)).ToList()).ToList();
            for (var s = 0; s < servers.Count; s++)
            {
                await RoundAsync(http[s], servers[s].Server.Pid, path, warmup, ct);
            }
            var figures = servers.Select(_ => new List<double>()).ToList();
            for (var round = 0; round < rounds; round++)
            {
                for (var s = 0; s < servers.Count; s++)
                {
                    var (micros, perSecond) = await RoundAsync(http[s], servers[s].Server.Pid, path, requests, ct);
                    figures[s].Add(micros);
                    Console.WriteLine($"  round {round + 1} build {(char)('A' + s)}: {micros:F0} µs of server CPU per GET {path} ({perSecond:N0}/s)");
                }
            }
            for (var s = 0; s < servers.Count; s++)
            {
                Console.WriteLine($"build {(char)('A' + s)} {servers[s].Dir}: median {Median(figures[s]):F0} µs per request");
            }
            if (servers.Count == 2)
            {
                var ratios = figures[1].Zip(figures[0], (b, a) => b / a).ToList();
                Console.WriteLine($"B/A per round {string.Join(" ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}; median {Median(ratios):F2}");
            }
            return 0;
        }
        finally
        {
            foreach (var (_, server, data) in servers)
            {
                await server.StopAsync(TimeSpan.FromSeconds(10));
                await server.DisposeAsync();
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static async Task<(double Micros, double PerSecond)> RoundAsync(List<HttpClient> clients, int pid, string path, int requests, CancellationToken ct)
    {
        var left = requests;
        var pidText = pid.ToString(CultureInfo.InvariantCulture);
        var before = ProcFs.ProcessCpuTicks(pidText) ?? 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async client =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                using var response = await client.GetAsync(path.TrimStart('/'), ct);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync(ct);
            }
        }));
        var ticks = (ProcFs.ProcessCpuTicks(pidText) ?? 0) - before;
        return (ticks / ProcFs.TicksPerSecond * 1e6 / requests, requests / clock.Elapsed.TotalSeconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
