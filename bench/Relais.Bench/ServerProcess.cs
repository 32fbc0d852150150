using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Relais.Bench;

/// <summary>
/// The Relais server under test, started as its own process on a free loopback port with a fresh
/// data folder; its console goes to a log file. Disposing kills it if it is still running.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private readonly List<MemorySample> _memory = [];
    private readonly CancellationTokenSource _sampling = new();
    private Task? _sampler;

    private ServerProcess(Process process, StreamWriter log, int port, string logPath)
    {
        _process = process;
        _log = log;
        Port = port;
        LogPath = logPath;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }
    public int Pid => _process.Id;
    public Uri BaseAddress { get; }
    public string LogPath { get; }
    public bool HasExited => _process.HasExited;

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static ServerProcess Start(string serverDir, string dataFolder, string sync, int demoSupporters, IEnumerable<string> extraEnvironment)
    {
        var dll = Path.Combine(serverDir, "Relais.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException(
                $"{dll} is missing: build it with `dotnet build -c Release src/Relais.Web` (bench/run.sh does).", dll);
        }
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = serverDir,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_URLS"] = null;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = null;
        start.Environment["Relais__Database__DataFolder"] = dataFolder;
        start.Environment["Relais__Database__SqliteSynchronous"] = sync;
        start.Environment["Relais__Startup__DemoSupportersPerCampaign"] = demoSupporters.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var pair in extraEnvironment)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            start.Environment[pair[..equals]] = pair[(equals + 1)..];
        }
        var logPath = Path.Combine(dataFolder, "server.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new ServerProcess(process, log, port, logPath);
        process.OutputDataReceived += (_, e) => server.Log(e.Data);
        process.ErrorDataReceived += (_, e) => server.Log(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_logLock)
        {
            _log.WriteLine(line);
        }
    }

    /// <summary>Polls GET /health until it answers "ok"; fails if the process exits or time runs out.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} during start-up; see {LogPath}:\n{Tail()}");
            }
            try
            {
                if (await http.GetStringAsync("health", ct) == "ok")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"The server did not answer /health within {timeout.TotalSeconds:0} s; see {LogPath}:\n{Tail()}");
    }

    /// <summary>Reads VmRSS every 100 ms until <see cref="StopSampling"/>.</summary>
    public void StartSampling()
    {
        _sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            do
            {
                if (ProcFs.StatusKb(Pid, "VmRSS") is { } rss)
                {
                    lock (_memory)
                    {
                        _memory.Add(new MemorySample(Stopwatch.GetTimestamp(), rss));
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(_sampling.Token).ConfigureAwait(false));
        });
    }

    public async Task StopSamplingAsync()
    {
        await _sampling.CancelAsync();
        if (_sampler is not null)
        {
            try
            {
                await _sampler;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>The highest sampled VmRSS (kB) between two timestamps.</summary>
    public long PeakRssKb(long from, long to)
    {
        lock (_memory)
        {
            return _memory.Where(m => m.Timestamp >= from && m.Timestamp <= to).Select(m => m.RssKb).DefaultIfEmpty().Max();
        }
    }

    public long PeakRssKb()
    {
        lock (_memory)
        {
            return _memory.Select(m => m.RssKb).DefaultIfEmpty().Max();
        }
    }

    public int MemorySampleCount
    {
        get
        {
            lock (_memory)
            {
                return _memory.Count;
            }
        }
    }

    /// <summary>
    /// Asks the server to stop (SIGTERM: the host stops, the intake drains its queue) and waits;
    /// kills it only if it does not exit within <paramref name="grace"/>.
    /// </summary>
    public async Task<ShutdownResult> StopAsync(TimeSpan grace)
    {
        var started = Stopwatch.GetTimestamp();
        if (_process.HasExited)
        {
            return new ShutdownResult(Graceful: false, _process.ExitCode, TimeSpan.Zero, "had already exited");
        }
        if (SysKill(_process.Id, SigTerm) != 0)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
            return new ShutdownResult(false, _process.ExitCode, Stopwatch.GetElapsedTime(started), "SIGTERM failed; killed");
        }
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return new ShutdownResult(true, _process.ExitCode, Stopwatch.GetElapsedTime(started), "exited after SIGTERM");
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
            return new ShutdownResult(false, _process.ExitCode, Stopwatch.GetElapsedTime(started),
                $"still running {grace.TotalSeconds:0} s after SIGTERM; killed");
        }
    }

    public string Tail(int lines = 40)
    {
        lock (_logLock)
        {
            _log.Flush();
        }
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: false);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }
        await StopSamplingAsync();
        _sampling.Dispose();
        _process.Dispose();
        lock (_logLock)
        {
            _log.Dispose();
        }
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SysKill(int pid, int signal);

    private readonly record struct MemorySample(long Timestamp, long RssKb);
}

public sealed record ShutdownResult(bool Graceful, int ExitCode, TimeSpan Elapsed, string Note);
