using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Relais.Messaging;

/// <summary>The server refused a message (SMTP code and text); the outbox retries it later.</summary>
public sealed class SmtpRefusedException(SmtpReply reply) : Exception($"The SMTP server refused the message: {reply.Code} {reply.Text}")
{
    public SmtpReply Reply { get; } = reply;
}

/// <summary>
/// Transactional emails over SMTP, reusing a few open connections rather than opening one per
/// email. A connection left idle too long may have been closed by the server: a failure before
/// anything was handed over is retried once on a fresh connection.
/// </summary>
internal sealed class SmtpMailTransport(IOptions<SmtpOptions> options, MailComposer composer) : IMailTransport, IAsyncDisposable
{
    private const int MaxIdle = 4;
    private const long IdleMilliseconds = 30_000;
    private readonly ConcurrentQueue<SmtpConnection> _idle = new();

    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        var composed = composer.Compose(email);
        while (true)
        {
            var (connection, reused) = await RentAsync(ct);
            SmtpReply reply;
            try
            {
                reply = await connection.BeginAsync(composed, ct);
            }
            catch (Exception) when (reused && !ct.IsCancellationRequested)
            {
                await connection.DisposeAsync();
                continue;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
            if (!reply.IsPositive)
            {
                await ReturnAsync(connection);
                throw new SmtpRefusedException(reply);
            }
            try
            {
                reply = await connection.CompleteAsync(ct);
            }
            finally
            {
                await ReturnAsync(connection);
            }
            if (!reply.IsPositive)
            {
                throw new SmtpRefusedException(reply);
            }
            return;
        }
    }

    private async Task<(SmtpConnection Connection, bool Reused)> RentAsync(CancellationToken ct)
    {
        while (_idle.TryDequeue(out var connection))
        {
            if (connection.IsUsable && Environment.TickCount64 - connection.LastUsed < IdleMilliseconds)
            {
                return (connection, true);
            }
            await connection.DisposeAsync();
        }
        return (await SmtpConnection.OpenAsync(options.Value, composer, ct), false);
    }

    private async Task ReturnAsync(SmtpConnection connection)
    {
        if (connection.IsUsable && _idle.Count < MaxIdle)
        {
            _idle.Enqueue(connection);
            return;
        }
        await connection.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryDequeue(out var connection))
        {
            await connection.DisposeAsync();
        }
    }
}

/// <summary>Bulk sends over SMTP: each connection carries many messages.</summary>
internal sealed class SmtpBulkTransport(IOptions<SmtpOptions> options, MailComposer composer) : IBulkMailTransport
{
    public async Task<IBulkMailConnection> ConnectAsync(CancellationToken ct) => await SmtpConnection.OpenAsync(options.Value, composer, ct);
}
