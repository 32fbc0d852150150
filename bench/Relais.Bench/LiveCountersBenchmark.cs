using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Relais.Bench;

/// <summary>
/// Issue 5's live counters: N server-sent-event subscribers on one petition of one server while
/// signatures arrive at a fixed rate. For every acknowledged signature (the k-th of the run, so the
/// stored count is at least start + k when its response arrives) and every subscriber, the latency
/// is the time until that subscriber received a count of at least start + k, counted from the
/// signature's response (0 when the event came first). Also: the server's peak memory and the
/// bare GET /health throughput of the same server as the baseline.
/// </summary>
public static partial class LiveCountersBenchmark
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Relais.Bench -- live-counters [options]

          --subscribers N        concurrent event streams (default 10000; raise `ulimit -n` first)
          --rate N               signatures per second (default 500)
          --warmup S             seconds of signatures before the measure (default 5)
          --duration S           measured seconds of signatures (default 20)
          --baseline-duration S  seconds of GET /health (default 10)
          --update-readme        write the figures into bench/README.md
        """;

    private const string Slug = "palidzesim-couches";
    private const int SigningClients = 64;

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<int> RunAsync(string[] args, string repoRoot, CancellationToken ct)
    {
        int subscribers = 10_000, rate = 500, duration = 20, baselineDuration = 10, warmup = 5;
        var update = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--subscribers": subscribers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rate": rate = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--duration": duration = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--baseline-duration": baselineDuration = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--update-readme": update = true; break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        var files = OpenFilesLimit();
        // The limit is per process, and the server (started from here, with the same limit) holds the other end.
        if (files < subscribers + 1_000)
        {
            await Console.Error.WriteLineAsync(
                $"the open files limit is {files}: {subscribers:N0} streams need one descriptor each in this process and in the server; run `ulimit -n {Math.Max(65_536, subscribers + 1_000)}` first");
            return 2;
        }

        var data = Directory.CreateTempSubdirectory("relais-bench-live-").FullName;
        try
        {
            await using var server = ServerProcess.Start(
                Path.Combine(repoRoot, "src", "Relais.Web", "bin", "Release", "net10.0"), data, "NORMAL", 50, []);
            server.StartSampling();
            await server.WaitHealthyAsync(TimeSpan.FromMinutes(5), ct);

            var health = await HealthAsync(server.BaseAddress, TimeSpan.FromSeconds(baselineDuration), ct);
            Console.WriteLine($"GET /health: {health:N0} req/s");

            using var streams = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = server.BaseAddress,
                Timeout = Timeout.InfiniteTimeSpan,
            };
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var listeners = new Subscriber[subscribers];
            var connected = Stopwatch.StartNew();
            for (var i = 0; i < subscribers; i += 200)
            {
                await Task.WhenAll(Enumerable.Range(i, Math.Min(200, subscribers - i))
                    .Select(async j => listeners[j] = await Subscriber.OpenAsync(streams, $"c/{Slug}/live", stop.Token)));
            }
            var start = listeners.Min(l => l.First);
            Console.WriteLine($"{subscribers:N0} subscribers connected in {connected.Elapsed.TotalSeconds:0.0} s; count {start:N0}");
            var reading = listeners.Select(l => l.ReadAsync(stop.Token)).ToArray();

            var signing = Stopwatch.GetTimestamp();
            var acks = await SignAsync(server.BaseAddress, rate, TimeSpan.FromSeconds(warmup + duration), ct);
            var measuredFrom = signing + warmup * Stopwatch.Frequency;
            var measured = acks.Count(a => a >= measuredFrom);
            // Leaves time for the last counts to arrive before the streams are closed.
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            await stop.CancelAsync();
            await Task.WhenAll(reading);
            await server.StopSamplingAsync();
            var peak = ProcFs.StatusKb(server.Pid, "VmHWM") ?? 0;

            var histogram = new long[60_001];
            long missed = 0;
            foreach (var listener in listeners)
            {
                missed += listener.Measure(start, acks, measuredFrom, histogram);
            }
            var (p50, p99, max) = (Percentile(histogram, 0.50), Percentile(histogram, 0.99), Percentile(histogram, 1));
            var achieved = measured / (double)duration;
            var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var note = $"live-counters ({date}): {subscribers:N0} subscribers, {measured:N0} signatures measured in {duration} s after {warmup} s of warm-up ({achieved:N0}/s, asked {rate}/s); " +
                $"signature → every subscriber: p50 {p50} ms, p99 {p99} ms, max {max} ms; {missed:N0} (subscriber, signature) pairs never reached; " +
                $"server peak memory {Report.Mb(peak)}; /health {health:N0} req/s.";
            var row = $"| live-counters-sqlite | {Report.N(p99)} | ms (p99, {subscribers:N0} subscribers) | {Report.N(health)} req/s | — | {Report.N(p99)} ms | {Report.Mb(peak)} | {date} |";
            Console.WriteLine(note);
            Console.WriteLine(row);
            if (update)
            {
                var path = Path.Combine(repoRoot, "bench", "README.md");
                var text = File.ReadAllText(path);
                text = Readme.ReplaceRow(text, "live-counters-sqlite", row);
                text = Readme.ReplaceBlock(text, "live-counters-sqlite", "note", note);
                File.WriteAllText(path, text);
            }
            return missed == 0 ? 0 : 1;
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static long OpenFilesLimit()
    {
        foreach (var line in File.ReadLines("/proc/self/limits"))
        {
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                var soft = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return soft == "unlimited" ? long.MaxValue : long.Parse(soft, CultureInfo.InvariantCulture);
            }
        }
        return long.MaxValue;
    }

    private static int Percentile(long[] histogram, double q)
    {
        var total = histogram.Sum();
        var rank = Math.Max(1, (long)Math.Ceiling(q * total));
        long seen = 0;
        for (var ms = 0; ms < histogram.Length; ms++)
        {
            seen += histogram[ms];
            if (seen >= rank)
            {
                return ms;
            }
        }
        return histogram.Length - 1;
    }

    private static async Task<double> HealthAsync(Uri baseAddress, TimeSpan duration, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = baseAddress };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        long done = 0;
        var clock = Stopwatch.StartNew();
        stop.CancelAfter(duration);
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    using var response = await http.GetAsync("health", stop.Token);
                    Interlocked.Increment(ref done);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }));
        return done / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Signatures at a fixed rate (open loop) from 64 visitors who each loaded the form once; returns the acknowledgment times, in order.</summary>
    private static async Task<List<long>> SignAsync(Uri baseAddress, int rate, TimeSpan duration, CancellationToken ct)
    {
        var visitors = new List<(HttpClient Http, string Token)>();
        for (var i = 0; i < SigningClients; i++)
        {
            var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
            var html = await http.GetStringAsync($"c/{Slug}", ct);
            visitors.Add((http, WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value)));
        }
        var acks = new List<long>();
        var errors = 0;
        var run = Guid.NewGuid().ToString("N")[..8];
        var total = (int)(rate * duration.TotalSeconds);
        var started = Stopwatch.GetTimestamp();
        var pending = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = started + (long)(i * (double)Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }
            var (http, token) = visitors[i % visitors.Count];
            var sequence = i;
            pending.Add(Task.Run(async () =>
            {
                var response = await http.PostAsync($"c/{Slug}", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Form.FirstName"] = "Live",
                    ["Form.LastName"] = "Bench",
                    ["Form.Email"] = $"live-{run}-{sequence}@bench.example.org",
                    ["Form.PostalCode"] = "75011",
                    ["Form.Country"] = "FR",
                    ["Form.Consent"] = "true",
                    ["__af"] = token,
                }), ct);
                var now = Stopwatch.GetTimestamp();
                lock (acks)
                {
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        acks.Add(now);
                    }
                    else
                    {
                        errors++;
                    }
                }
            }, ct));
        }
        await Task.WhenAll(pending);
        if (errors > 0)
        {
            Console.WriteLine($"{errors:N0} signatures were not acknowledged");
        }
        foreach (var (http, _) in visitors)
        {
            http.Dispose();
        }
        acks.Sort();
        return acks;
    }

    /// <summary>One open stream and the counts it received, with their arrival times.</summary>
    private sealed class Subscriber(StreamReader reader, HttpResponseMessage response)
    {
        private readonly List<(long At, int Count)> _events = new(256);

        public int First { get; private set; }

        public static async Task<Subscriber> OpenAsync(HttpClient http, string url, CancellationToken ct)
        {
            var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            response.EnsureSuccessStatusCode();
            var subscriber = new Subscriber(new StreamReader(await response.Content.ReadAsStreamAsync(ct)), response);
            subscriber.First = await subscriber.NextCountAsync(ct) ?? throw new InvalidOperationException("The stream ended before its first count.");
            return subscriber;
        }

        public async Task ReadAsync(CancellationToken ct)
        {
            try
            {
                while (await NextCountAsync(ct) is { } count)
                {
                    _events.Add((Stopwatch.GetTimestamp(), count));
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
            }
            finally
            {
                reader.Dispose();
                response.Dispose();
            }
        }

        /// <summary>Adds this subscriber's latency for each acknowledged signature; returns how many it never saw.</summary>
        public long Measure(int start, List<long> acks, long measuredFrom, long[] histogram)
        {
            long missed = 0;
            var e = 0;
            for (var k = 0; k < acks.Count; k++)
            {
                var needed = start + k + 1;
                while (e < _events.Count && _events[e].Count < needed)
                {
                    e++;
                }
                if (e == _events.Count)
                {
                    missed += acks.Count - k;
                    break;
                }
                if (acks[k] < measuredFrom)
                {
                    continue;
                }
                var ms = Math.Max(0, (int)Stopwatch.GetElapsedTime(acks[k], _events[e].At).TotalMilliseconds);
                histogram[Math.Min(ms, histogram.Length - 1)]++;
            }
            return missed;
        }

        private async Task<int?> NextCountAsync(CancellationToken ct)
        {
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    return int.Parse(line.AsSpan(4), CultureInfo.InvariantCulture);
                }
            }
            return null;
        }
    }
}
