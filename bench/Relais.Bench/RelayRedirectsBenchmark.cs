using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Relais.Bench;

/// <summary>
/// Relay-link redirects per second (issue 5: at least 10,000/s on 2 cores): clients that do not
/// follow redirects loop on GET /r/{code}/{slug}?n={network} with the codes of real supporters of
/// the demo, against the bare GET /health of the same server and run. Every click is counted (the
/// per-client limit is lifted: all clients share 127.0.0.1), so the figure includes the cached
/// code check and the buffered click writer; after a graceful stop the stored clicks are compared
/// with the redirects answered.
/// </summary>
public static class RelayRedirectsBenchmark
{
    public const string Name = "relay-redirects-sqlite";
    public const double TargetPerSecond = 10_000;

    public const string Usage = """
        usage: dotnet run -c Release --project bench/Relais.Bench -- relay-redirects [options]

          --duration S               measured seconds of each phase (default 30)
          --warmup S                 warm-up seconds before each phase (default 30)
          --clients N                concurrent clients, each with its own keep-alive connection (default 64)
          --demo N                   demo supporters per campaign: the database's size (default 4000)
          --relays N                 distinct relay codes used (default 2000)
          --keep-data                keep the data folder and the server log
          --update-readme            write the figures into bench/README.md
        """;

    private static readonly string[] Networks = ["x", "facebook", "whatsapp", "telegram", "bluesky", "email"];

    public static async Task<int> RunAsync(string[] args, string repoRoot, CancellationToken ct)
    {
        int duration = 30, warmup = 30, clients = 64, demo = 4000, relayCount = 2000;
        var update = false;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => int.Parse(args[++i], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--duration": duration = Next(); break;
                case "--warmup": warmup = Next(); break;
                case "--clients": clients = Next(); break;
                case "--demo": demo = Next(); break;
                case "--relays": relayCount = Next(); break;
                case "--update-readme": update = true; break;
                case "--keep-data": keep = true; break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        var serverDir = Path.Combine(repoRoot, "src", "Relais.Web", "bin", "Release", "net10.0");
        var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var dataFolder = Path.Combine(Path.GetTempPath(), $"relais-bench-{runId}");
        Directory.CreateDirectory(dataFolder);
        var environment = BenchEnvironment.Describe(dataFolder, serverDir, repoRoot);
        Console.WriteLine($"{Name}: {clients} clients, {duration} s measured (+{warmup} s warm-up) per phase, demo of {demo} per campaign");
        Console.WriteLine($"  {environment}");
        await using var server = ServerProcess.Start(serverDir, dataFolder, "NORMAL", demo,
            ["Relais__Relays__ClicksPerMinutePerClient=100000000", "Relais__Startup__FirstAdminEmail=bench@relais.localhost", "Logging__LogLevel__Relais.Web.Relays=Information", "Logging__LogLevel__Microsoft.Hosting.Lifetime=Information"]);
        try
        {
            await server.WaitHealthyAsync(TimeSpan.FromMinutes(10), ct);
            server.StartSampling();
            var database = Path.Combine(dataFolder, "relais.db");
            var (supporters, codes) = ReadRelays(database, relayCount);
            // The demo holds clicks of its own.
            var before = CountClicks(database);
            Console.WriteLine($"  server pid {server.Pid} on {server.BaseAddress}; {supporters:N0} supporters, {codes.Count:N0} relay codes");

            var http = Enumerable.Range(0, clients).Select(_ => ClosedLoop.Client(server.BaseAddress)).ToList();
            var health = await ClosedLoop.RunAsync(http, server.Pid, warmup, duration, (client, _, _, token) => Expect(client, "health", HttpStatusCode.OK, null, token), ct);
            Console.WriteLine($"  GET /health: {health}");
            var redirects = await ClosedLoop.RunAsync(http, server.Pid, warmup, duration, (client, c, n, token) =>
            {
                var slug = LoadClient.Slugs[n % LoadClient.Slugs.Length];
                var code = codes[(c * 7_919 + n) % codes.Count];
                // A browser would follow the 302; the figure is the redirect endpoint's alone.
                return Expect(client, $"r/{code}/{slug}?n={Networks[n % Networks.Length]}", HttpStatusCode.Found, "/c/" + slug, token);
            }, ct);
            Console.WriteLine($"  GET /r/{{code}}/{{slug}}: {redirects}");
            await server.StopSamplingAsync();
            var peakKb = ProcFs.StatusKb(server.Pid, "VmHWM") ?? 0;
            // The clicks are written behind the redirects: how long until the database holds them all?
            var answered = redirects.Answered;
            var settling = Stopwatch.GetTimestamp();
            long stored;
            while ((stored = CountClicks(database) - before) < answered && Stopwatch.GetElapsedTime(settling) < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(250, ct);
            }
            var settled = Stopwatch.GetElapsedTime(settling);
            Console.WriteLine($"  {stored:N0} of {answered:N0} clicks stored {settled.TotalSeconds:0.0} s after the load stopped");
            var shutdown = await server.StopAsync(TimeSpan.FromSeconds(60));
            stored = CountClicks(database) - before;
            Console.WriteLine($"  stopped: {shutdown.Note} in {shutdown.Elapsed.TotalSeconds:0.0} s; clicks stored {stored:N0} of {answered:N0} redirects answered (warm-up included)");
            Console.WriteLine($"  server peak memory {Report.Mb(peakKb)}");
            var ratio = health.PerSecond > 0 ? redirects.PerSecond / health.PerSecond : 0;
            var met = redirects.PerSecond >= TargetPerSecond && redirects.Errors == 0;
            var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var row = $"| {Name} | {Report.N(redirects.PerSecond)} | redirects/s | {Report.N(health.PerSecond)} | {Report.N(ratio, "0.00")} | " +
                $"{Report.N(redirects.Latency.P99, "0.0")} ms | {Report.Mb(peakKb)} | {date} |";
            var note = $"{Name} ({date}, {clients} clients, {duration} s measured after {warmup} s of warm-up, {supporters:N0} supporters, {codes.Count:N0} relay codes): " +
                $"**{Report.N(redirects.PerSecond)} redirects/s**, p50 {Report.N(redirects.Latency.P50, "0.0")} ms, p99 {Report.N(redirects.Latency.P99, "0.0")} ms, " +
                $"errors {redirects.Errors}; /health {Report.N(health.PerSecond)} req/s (p99 {Report.N(health.Latency.P99, "0.0")} ms), ratio {Report.N(ratio, "0.00")}; " +
                $"CPU during the redirects: server {Report.N(redirects.Cpu.ServerCores ?? 0, "0.00")}, load generator {Report.N(redirects.Cpu.LoadGeneratorCores ?? 0, "0.00")}, " +
                $"other processes {Report.N(redirects.Cpu.OtherCores, "0.00")} of {Environment.ProcessorCount} cores; clicks stored {stored:N0} of {answered:N0} answered, warm-up included " +
                (stored >= answered ? $"(all in the database {settled.TotalSeconds:0.0} s after the load); " : "(the rest dropped when the click buffer was full); ") + $"" +
                $"VmHWM {Report.Mb(peakKb)}; target (10,000/s) {(met ? "met" : "not met")}.";
            Console.WriteLine(row);
            if (update)
            {
                var path = Path.Combine(repoRoot, "bench", "README.md");
                var text = Readme.ReplaceRow(await File.ReadAllTextAsync(path, ct), Name, row);
                text = Readme.ReplaceBlock(text, Name, "note", note);
                await File.WriteAllTextAsync(path, text, ct);
                Console.WriteLine($"  updated {path}");
            }
            foreach (var client in http)
            {
                client.Dispose();
            }
            if (keep)
            {
                Console.WriteLine($"  data and server log kept in {dataFolder}");
            }
            else
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            return met && stored >= answered ? 0 : 1;
        }
        catch
        {
            Console.Error.WriteLine($"server log: {server.LogPath}\n{server.Tail()}");
            throw;
        }
    }

    private static async Task<bool> Expect(HttpClient client, string path, HttpStatusCode status, string? location, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
        return response.StatusCode == status && (location is null || response.Headers.Location?.OriginalString == location);
    }

    /// <summary>The number of supporters, and relay codes (the supporter id in URL-safe base64, as RelayCode writes it) of some of them.</summary>
    private static (long Supporters, List<string> Codes) ReadRelays(string database, int count)
    {
        using var connection = Open(database);
        using var total = connection.CreateCommand();
        total.CommandText = "SELECT COUNT(*) FROM \"Supporters\"";
        var supporters = (long)total.ExecuteScalar()!;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"Supporters\" ORDER BY random() LIMIT $n";
        command.Parameters.AddWithValue("$n", count);
        var codes = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = Guid.Parse(reader.GetString(0));
            codes.Add(Convert.ToBase64String(id.ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
        }
        return (supporters, codes);
    }

    private static long CountClicks(string database)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"RelayClicks\"";
        return (long)command.ExecuteScalar()!;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
