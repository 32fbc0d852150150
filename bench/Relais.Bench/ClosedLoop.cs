using System.Diagnostics;

namespace Relais.Bench;

/// <summary>What a closed-loop phase measured: answers per second, latency and CPU of its window.</summary>
public sealed record LoopPhase(double PerSecond, long Answered, int Errors, Latency Latency, CpuUse Cpu)
{
    public override string ToString() =>
        $"{PerSecond:N0}/s, {Latency}, errors {Errors}, server {Cpu.ServerCores:0.00} cores, load generator {Cpu.LoadGeneratorCores:0.00}, other {Cpu.OtherCores:0.00}";
}

/// <summary>
/// Every client loops on its own keep-alive connection, sending its next request as soon as the
/// last one is answered; the first <c>warmup</c> seconds are not measured.
/// </summary>
public static class ClosedLoop
{
    /// <param name="once">One request of client <c>c</c>, its <c>n</c>th: true when the answer is the expected one.</param>
    public static async Task<LoopPhase> RunAsync(
        IReadOnlyList<HttpClient> clients, int serverPid, int warmup, int duration,
        Func<HttpClient, int, int, CancellationToken, Task<bool>> once, CancellationToken ct)
    {
        var measuring = 0;
        var stop = 0;
        long answered = 0;
        var errors = 0;
        var latencies = clients.Select(_ => new List<int>(1 << 16)).ToArray();
        var counted = new long[clients.Count];
        var tasks = clients.Select((client, c) => Task.Run(async () =>
        {
            for (var n = 0; Volatile.Read(ref stop) == 0; n++)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = false;
                try
                {
                    ok = await once(client, c, n, ct);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                }
                if (ok)
                {
                    Interlocked.Increment(ref answered);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
                if (Volatile.Read(ref measuring) == 1 && ok)
                {
                    counted[c]++;
                    latencies[c].Add((int)(Stopwatch.GetElapsedTime(started).Ticks / 10));
                }
            }
        }, ct)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(warmup), ct);
        var errorsBefore = Volatile.Read(ref errors);
        var cpuStart = CpuReading.Take(serverPid);
        var started = Stopwatch.GetTimestamp();
        Volatile.Write(ref measuring, 1);
        await Task.Delay(TimeSpan.FromSeconds(duration), ct);
        Volatile.Write(ref measuring, 0);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = CpuReading.Between(cpuStart, CpuReading.Take(serverPid));
        var errorsMeasured = Volatile.Read(ref errors) - errorsBefore;
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(tasks);
        if (errors > errorsMeasured)
        {
            Console.WriteLine($"    {errors - errorsMeasured:N0} errors outside the measured window");
        }
        return new LoopPhase(counted.Sum() / seconds, Interlocked.Read(ref answered), errorsMeasured, Latency.Of(latencies.SelectMany(l => l)), cpu);
    }

    /// <summary>A client with one keep-alive connection that neither follows redirects nor keeps cookies.</summary>
    public static HttpClient Client(Uri baseAddress) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
