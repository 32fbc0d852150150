using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Relais.Bench;

/// <summary>
/// postfix's smtp-sink on a free loopback port, accepting mail as fast as it comes and printing
/// its running counters (-c), which tell how many messages it received.
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private long _messages;

    private SmtpSink(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public long Messages => Interlocked.Read(ref _messages);

    [GeneratedRegex(@"mesg=(\d+)")]
    private static partial Regex MessageCount();

    public static SmtpSink Start(string path)
    {
        var port = ServerProcess.FreeLoopbackPort();
        var start = new ProcessStartInfo(path) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        // As root it must drop to another user; 5000 is the listen backlog.
        foreach (var arg in new[] { "-u", "nobody", "-c", $"127.0.0.1:{port}", "5000" })
        {
            start.ArgumentList.Add(arg);
        }
        var sink = new SmtpSink(Process.Start(start)!, port);
        _ = Task.Run(sink.ReadCountersAsync);
        _ = sink._process.StandardError.ReadToEndAsync();
        return sink;
    }

    private async Task ReadCountersAsync()
    {
        // The counters are rewritten in place after a carriage return, never ended by a newline.
        var buffer = new char[4096];
        var pending = "";
        int read;
        while ((read = await _process.StandardOutput.ReadAsync(buffer)) > 0)
        {
            pending += new string(buffer, 0, read);
            var last = pending.LastIndexOf('\r');
            if (last < 0)
            {
                continue;
            }
            var matches = MessageCount().Matches(pending[..last]);
            if (matches.Count > 0)
            {
                Interlocked.Exchange(ref _messages, long.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture));
            }
            pending = pending[(last + 1)..];
        }
    }

    /// <summary>Waits until the sink has counted at least <paramref name="count"/> messages or the time is up; returns its count.</summary>
    public async Task<long> WaitForCountAsync(long count, TimeSpan timeout, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        while (Messages < count && Stopwatch.GetElapsedTime(started) < timeout)
        {
            await Task.Delay(100, ct);
        }
        // Counters only move at the end of a session or a message: let the last ones arrive.
        await Task.Delay(500, ct);
        return Messages;
    }

    /// <summary>smtp-source sending straight into the sink, reusing its connections (-d): the raw ceiling of the machine.</summary>
    public static async Task<TimeSpan> SourceAsync(string path, int port, int sessions, int messages, int bytes, CancellationToken ct)
    {
        var start = new ProcessStartInfo(path) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "-d", "-s", sessions.ToString(CultureInfo.InvariantCulture), "-m", messages.ToString(CultureInfo.InvariantCulture),
            "-l", bytes.ToString(CultureInfo.InvariantCulture), "-f", "campaign@relais.example.org", "-t", "supporter@example.org",
            $"127.0.0.1:{port}",
        })
        {
            start.ArgumentList.Add(arg);
        }
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(ct) + await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"smtp-source failed: {output}");
        }
        return Stopwatch.GetElapsedTime(started);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
