using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Relais.Web.Tests.Messaging;

/// <summary>
/// A tiny SMTP server on 127.0.0.1 for what a real one will not do on demand: refuse a recipient,
/// fail after the dot, hang up, never answer. It counts connections and keeps the complete messages.
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _sessions = [];
    private readonly Task _accepting;
    private int _connections;

    public ScriptedSmtpServer(bool pipelining = true)
    {
        Pipelining = pipelining;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public bool Pipelining { get; }

    /// <summary>Offers AUTH PLAIN and accepts any credentials.</summary>
    public bool OfferAuth { get; set; }
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Complete messages (after the final dot), dot-unstuffed.</summary>
    public ConcurrentQueue<string> Messages { get; } = new();

    /// <summary>Commands as received, in order, over all connections.</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>The reply to RCPT TO for this address, instead of 250.</summary>
    public ConcurrentDictionary<string, string> RecipientReplies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The reply after the final dot, instead of 250 (once, then 250 again).</summary>
    public string? NextDataReply { get; set; }

    /// <summary>Hang up without a word when this command arrives (once).</summary>
    public string? HangUpOn { get; set; }

    /// <summary>Stay silent when this command arrives (once).</summary>
    public string? SilentOn { get; set; }

    /// <summary>Set when a connection ends in the middle of DATA: the message is dropped.</summary>
    public TaskCompletionSource AbandonedData { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                lock (_sessions)
                {
                    _sessions.Add(SessionAsync(client));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task SessionAsync(TcpClient client)
    {
        using var _ = client;
        client.NoDelay = true;
        var accepted = 0;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.UTF8);
        async Task Say(string reply) => await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), _stop.Token);
        try
        {
            await Say("220 scripted ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                Commands.Enqueue(line);
                var verb = line.Split(' ', ':')[0].ToUpperInvariant();
                if (HangUpOn is { } hangUp && line.StartsWith(hangUp, StringComparison.OrdinalIgnoreCase))
                {
                    HangUpOn = null;
                    return;
                }
                if (SilentOn is { } silent && line.StartsWith(silent, StringComparison.OrdinalIgnoreCase))
                {
                    SilentOn = null;
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
                switch (verb)
                {
                    case "EHLO":
                        await Say("250-scripted\r\n" + (Pipelining ? "250-PIPELINING\r\n" : "") + (OfferAuth ? "250-AUTH PLAIN LOGIN\r\n" : "") + "250 8BITMIME");
                        break;
                    case "AUTH":
                        await Say("235 Authenticated");
                        break;
                    case "RCPT":
                        var address = line[(line.IndexOf('<') + 1)..line.IndexOf('>')];
                        var reply = RecipientReplies.TryGetValue(address, out var scripted) ? scripted : "250 OK";
                        accepted += reply.StartsWith('2') ? 1 : 0;
                        await Say(reply);
                        break;
                    case "DATA" when accepted == 0:
                        await Say("554 No valid recipients");
                        break;
                    case "DATA":
                        accepted = 0;
                        await Say("354 Go ahead");
                        var message = new StringBuilder();
                        while (true)
                        {
                            var data = await reader.ReadLineAsync(_stop.Token);
                            if (data is null)
                            {
                                AbandonedData.TrySetResult();
                                return;
                            }
                            if (data == ".")
                            {
                                break;
                            }
                            message.Append(data.StartsWith('.') ? data[1..] : data).Append('\n');
                        }
                        if (NextDataReply is { } dataReply)
                        {
                            NextDataReply = null;
                            await Say(dataReply);
                        }
                        else
                        {
                            Messages.Enqueue(message.ToString());
                            await Say("250 Queued");
                        }
                        break;
                    case "RSET":
                        accepted = 0;
                        await Say("250 OK");
                        break;
                    case "QUIT":
                        await Say("221 Bye");
                        return;
                    default:
                        await Say("250 OK");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] sessions;
        lock (_sessions)
        {
            sessions = [.. _sessions];
        }
        await Task.WhenAll(sessions);
        _stop.Dispose();
    }
}
