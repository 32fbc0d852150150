using System.Collections.Concurrent;
using Relais.Messaging;

namespace Relais.Web.Tests.Delivery;

/// <summary>
/// A bulk transport in memory: it records what was completed (delivered), and replies as the test
/// asks for a given address, at the begin or at the final dot.
/// </summary>
public sealed class FakeBulkTransport : IBulkMailTransport
{
    public ConcurrentQueue<OutgoingEmail> Delivered { get; } = new();
    public ConcurrentDictionary<string, SmtpReply> BeginReplies { get; } = new(StringComparer.OrdinalIgnoreCase);
    public ConcurrentDictionary<string, SmtpReply> CompleteReplies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs after a begin, before the sender records the hand-over (e.g. an unsubscribe racing the send).</summary>
    public Func<OutgoingEmail, Task>? AfterBegin { get; set; }

    public int Abandoned => _abandoned;

    private int _abandoned;

    public IReadOnlyList<OutgoingEmail> To(string address) => [.. Delivered.Where(e => string.Equals(e.To, address, StringComparison.OrdinalIgnoreCase))];

    public Task<IBulkMailConnection> ConnectAsync(CancellationToken ct) => Task.FromResult<IBulkMailConnection>(new Connection(this));

    private sealed class Connection(FakeBulkTransport transport) : IBulkMailConnection
    {
        private OutgoingEmail? _open;

        public bool IsUsable => true;

        public async Task<SmtpReply> BeginAsync(OutgoingEmail email, CancellationToken ct)
        {
            if (transport.BeginReplies.TryGetValue(email.To, out var refusal))
            {
                return refusal;
            }
            _open = email;
            if (transport.AfterBegin is { } hook)
            {
                await hook(email);
            }
            return new SmtpReply(354, "go ahead");
        }

        public Task<SmtpReply> CompleteAsync(CancellationToken ct)
        {
            var email = _open!;
            _open = null;
            if (transport.CompleteReplies.TryGetValue(email.To, out var verdict))
            {
                return Task.FromResult(verdict);
            }
            transport.Delivered.Enqueue(email);
            return Task.FromResult(new SmtpReply(250, "queued"));
        }

        public ValueTask DisposeAsync()
        {
            if (_open is not null)
            {
                Interlocked.Increment(ref transport._abandoned);
            }
            return ValueTask.CompletedTask;
        }
    }
}
