using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Relais.Messaging;

/// <summary>The SMTP server broke the protocol or refused the session (greeting, TLS, authentication).</summary>
public sealed class SmtpProtocolException(string message) : IOException(message);

/// <summary>
/// One RFC 5321 client session over a socket, kept open for many messages: greeting, EHLO (HELO
/// when refused), STARTTLS or TLS on 465, AUTH PLAIN/LOGIN, then MAIL/RCPT/DATA per message,
/// pipelined when the server offers it. Every wait is bounded by <see cref="SmtpOptions.TimeoutSeconds"/>;
/// a network failure, a timeout or a 421 makes it unusable. Ours, since System.Net.Mail opens a
/// connection per message, cannot stop before the final dot and hides the bytes it writes.
/// </summary>
public sealed class SmtpConnection : IBulkMailConnection
{
    private const int MaxLine = 8 * 1024;
    private readonly Socket _socket;
    private readonly SmtpOptions _options;
    private readonly MailComposer _composer;
    private readonly TimeSpan _timeout;
    private readonly byte[] _input = new byte[MaxLine];
    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private readonly Dictionary<string, string> _extensions = new(StringComparer.OrdinalIgnoreCase);
    private Stream _stream;
    private int _inputStart;
    private int _inputEnd;
    private bool _transactionOpen;
    private bool _broken;
    private bool _disposed;

    private SmtpConnection(Socket socket, SmtpOptions options, MailComposer composer)
    {
        _socket = socket;
        _options = options;
        _composer = composer;
        _timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    public bool IsUsable => !_broken && !_disposed;

    /// <summary>When the last command ended (Environment.TickCount64), so that a pool can drop connections idle too long.</summary>
    public long LastUsed { get; private set; } = Environment.TickCount64;

    /// <summary>Whether the server accepts pipelined commands (RFC 2920).</summary>
    public bool Pipelining => _extensions.ContainsKey("PIPELINING");

    public static async Task<SmtpConnection> OpenAsync(SmtpOptions options, MailComposer composer, CancellationToken ct)
    {
        var host = options.Host ?? throw new InvalidOperationException("Relais:Smtp:Host is not set.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
            await socket.ConnectAsync(host, options.Port, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"The SMTP server {host}:{options.Port} did not accept a connection within {options.TimeoutSeconds} s.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var connection = new SmtpConnection(socket, options, composer);
        try
        {
            await connection.GuardAsync(connection.HandshakeAsync, ct);
            return connection;
        }
        catch
        {
            connection.Abort();
            throw;
        }
    }

    private async Task<bool> HandshakeAsync(CancellationToken ct)
    {
        var host = _options.Host!;
        var implicitTls = _options.EnableSsl && _options.Port == 465;
        if (implicitTls)
        {
            await StartTlsAsync(host, ct);
        }
        Expect(await ReadReplyAsync(ct), 220, "greeting");
        await HelloAsync(ct);
        if (_options.EnableSsl && !implicitTls)
        {
            if (!_extensions.ContainsKey("STARTTLS"))
            {
                throw new SmtpProtocolException($"{host} does not offer STARTTLS, and Relais:Smtp:EnableSsl asks for TLS.");
            }
            Expect(await CommandAsync("STARTTLS", ct), 220, "STARTTLS");
            await StartTlsAsync(host, ct);
            await HelloAsync(ct);
        }
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await AuthenticateAsync(_options.UserName, _options.Password ?? "", ct);
        }
        return true;
    }

    private async Task StartTlsAsync(string host, CancellationToken ct)
    {
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        _stream = tls;
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, ct);
        _inputStart = _inputEnd = 0;
    }

    private async Task HelloAsync(CancellationToken ct)
    {
        var name = HelloName();
        var reply = await CommandAsync("EHLO " + name, ct);
        _extensions.Clear();
        if (reply.Code != 250)
        {
            Expect(await CommandAsync("HELO " + name, ct), 250, "HELO");
            return;
        }
        foreach (var line in reply.Text.Split('\n').AsSpan(1))
        {
            var space = line.IndexOfAny([' ', '=']);
            _extensions[space < 0 ? line.Trim() : line[..space]] = space < 0 ? "" : line[(space + 1)..].Trim();
        }
    }

    private static string HelloName()
    {
        var name = Dns.GetHostName();
        return name.Length > 0 && Ascii.IsValid(name) && !name.Contains(' ') ? name : "localhost";
    }

    private async Task AuthenticateAsync(string user, string password, CancellationToken ct)
    {
        var mechanisms = _extensions.GetValueOrDefault("AUTH", "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (mechanisms.Contains("PLAIN", StringComparer.OrdinalIgnoreCase))
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0" + user + "\0" + password));
            Expect(await CommandAsync("AUTH PLAIN " + token, ct), 235, "AUTH PLAIN");
        }
        else if (mechanisms.Contains("LOGIN", StringComparer.OrdinalIgnoreCase))
        {
            Expect(await CommandAsync("AUTH LOGIN", ct), 334, "AUTH LOGIN");
            Expect(await CommandAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(user)), ct), 334, "AUTH LOGIN");
            Expect(await CommandAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(password)), ct), 235, "AUTH LOGIN");
        }
        else
        {
            throw new SmtpProtocolException("Relais:Smtp:UserName is set but the server offers neither AUTH PLAIN nor AUTH LOGIN.");
        }
    }

    /// <summary>
    /// An email that cannot be written (an address Relais cannot send to, a header that would break
    /// a line) comes back as a permanent 554 without touching the server, like a refused recipient.
    /// </summary>
    public async Task<SmtpReply> BeginAsync(OutgoingEmail email, CancellationToken ct)
    {
        EnsureIdle();
        return MailComposer.TryCompose(_composer, email, out var composed, out var refusal) ? await BeginAsync(composed, ct) : refusal;
    }

    /// <summary>MAIL, RCPT and DATA, then the content without the final dot; a refusal is returned after RSET.</summary>
    public Task<SmtpReply> BeginAsync(ComposedEmail email, CancellationToken ct)
    {
        EnsureIdle();
        return GuardAsync(async token =>
        {
            var mail = "MAIL FROM:<" + email.EnvelopeFrom + ">";
            var recipient = "RCPT TO:<" + email.Recipient + ">";
            SmtpReply mailReply, recipientReply, dataReply;
            if (Pipelining)
            {
                Append(mail);
                Append(recipient);
                Append("DATA");
                await FlushAsync(token);
                mailReply = await ReadReplyAsync(token);
                recipientReply = _broken ? mailReply : await ReadReplyAsync(token);
                dataReply = _broken ? recipientReply : await ReadReplyAsync(token);
            }
            else
            {
                mailReply = await CommandAsync(mail, token);
                recipientReply = mailReply.Code / 100 == 2 ? await CommandAsync(recipient, token) : mailReply;
                dataReply = recipientReply.Code / 100 == 2 ? await CommandAsync("DATA", token) : recipientReply;
            }
            if (_broken)
            {
                return dataReply;
            }
            var refusal = mailReply.Code / 100 != 2 ? mailReply : recipientReply.Code / 100 != 2 ? recipientReply : dataReply.Code != 354 ? dataReply : (SmtpReply?)null;
            if (refusal is null)
            {
                AppendContent(email.Content);
                await FlushAsync(token);
                _transactionOpen = true;
                return dataReply;
            }
            if (dataReply.Code == 354)
            {
                // Some servers open DATA even with no accepted recipient: close it empty, they refuse it.
                Append(".");
                await FlushAsync(token);
                await ReadReplyAsync(token);
            }
            else if (!_broken)
            {
                await CommandAsync("RSET", token);
            }
            return refusal.Value;
        }, ct);
    }

    public Task<SmtpReply> CompleteAsync(CancellationToken ct)
    {
        if (!_transactionOpen)
        {
            throw new InvalidOperationException("No message was begun on this connection.");
        }
        return GuardAsync(async token =>
        {
            Append(".");
            await FlushAsync(token);
            var reply = await ReadReplyAsync(token);
            _transactionOpen = false;
            return reply;
        }, ct);
    }

    /// <summary>QUIT when idle; with a message begun, just closes, so the server discards the unfinished DATA.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        if (!_broken && !_transactionOpen)
        {
            try
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Min(5, _options.TimeoutSeconds)));
                Append("QUIT");
                await FlushAsync(quit.Token);
                await ReadReplyAsync(quit.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The server may already have gone: nothing is lost, the connection was idle.
            }
        }
        _disposed = true;
        Abort();
    }

    /// <summary>Drops the connection at once, like a killed process would.</summary>
    internal void Abort()
    {
        _broken = true;
        _stream.Dispose();
        _socket.Dispose();
    }

    private void EnsureIdle()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_broken)
        {
            throw new InvalidOperationException("This SMTP connection is broken: open a new one.");
        }
        if (_transactionOpen)
        {
            throw new InvalidOperationException("A message is begun on this connection: complete it first.");
        }
    }

    /// <summary>Runs one exchange under the timeout; any failure leaves the connection unusable.</summary>
    private async Task<T> GuardAsync<T>(Func<CancellationToken, Task<T>> exchange, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        try
        {
            var result = await exchange(timeout.Token);
            LastUsed = Environment.TickCount64;
            return result;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Abort();
            throw new TimeoutException($"The SMTP server {_options.Host}:{_options.Port} did not answer within {_options.TimeoutSeconds} s.");
        }
        catch
        {
            Abort();
            throw;
        }
    }

    private async Task<SmtpReply> CommandAsync(string command, CancellationToken ct)
    {
        Append(command);
        await FlushAsync(ct);
        return await ReadReplyAsync(ct);
    }

    private static void Expect(SmtpReply reply, int code, string step)
    {
        if (reply.Code != code)
        {
            throw new SmtpProtocolException($"SMTP {step} refused: {reply.Code} {reply.Text}");
        }
    }

    private void Append(string command)
    {
        var span = _output.GetSpan(command.Length + 2);
        var written = Encoding.ASCII.GetBytes(command, span);
        span[written] = (byte)'\r';
        span[written + 1] = (byte)'\n';
        _output.Advance(written + 2);
    }

    /// <summary>The message with every line that opens with a dot doubled (RFC 5321 4.5.2), ending in CRLF.</summary>
    private void AppendContent(ReadOnlySpan<byte> content)
    {
        if (content.Length > 0 && content[0] == '.')
        {
            _output.Write("."u8);
        }
        int found;
        while ((found = content.IndexOf("\r\n."u8)) >= 0)
        {
            _output.Write(content[..(found + 2)]);
            _output.Write("."u8);
            content = content[(found + 2)..];
        }
        _output.Write(content);
        if (!content.EndsWith("\r\n"u8))
        {
            _output.Write("\r\n"u8);
        }
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        await _stream.WriteAsync(_output.WrittenMemory, ct);
        await _stream.FlushAsync(ct);
        _output.ResetWrittenCount();
    }

    /// <summary>One reply, however many lines ("250-…" continues, "250 …" ends); a 421 closes the connection.</summary>
    private async Task<SmtpReply> ReadReplyAsync(CancellationToken ct)
    {
        var text = new StringBuilder();
        while (true)
        {
            var line = await ReadLineAsync(ct);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                || (line.Length > 3 && line[3] is not (' ' or '-')))
            {
                throw new SmtpProtocolException("Not an SMTP reply: " + line);
            }
            if (text.Length > 0)
            {
                text.Append('\n');
            }
            text.Append(line.Length > 4 ? line[4..] : "");
            if (line.Length == 3 || line[3] == ' ')
            {
                if (code == 421)
                {
                    Abort();
                }
                return new SmtpReply(code, text.ToString());
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken ct)
    {
        while (true)
        {
            var end = _input.AsSpan(_inputStart, _inputEnd - _inputStart).IndexOf((byte)'\n');
            if (end >= 0)
            {
                var line = Encoding.UTF8.GetString(_input, _inputStart, end).TrimEnd('\r');
                _inputStart += end + 1;
                return line;
            }
            if (_inputStart > 0)
            {
                Buffer.BlockCopy(_input, _inputStart, _input, 0, _inputEnd - _inputStart);
                _inputEnd -= _inputStart;
                _inputStart = 0;
            }
            if (_inputEnd == _input.Length)
            {
                throw new SmtpProtocolException("The SMTP server sent a line longer than 8 KB.");
            }
            var read = await _stream.ReadAsync(_input.AsMemory(_inputEnd), ct);
            if (read == 0)
            {
                throw new IOException($"The SMTP server {_options.Host}:{_options.Port} closed the connection.");
            }
            _inputEnd += read;
        }
    }
}
