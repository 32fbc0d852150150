namespace Relais.Messaging;

/// <summary>
/// Bulk sending over the one-message transport (the pickup folder, or a server without a bulk
/// client): the hand-over happens at once in <see cref="IBulkMailConnection.CompleteAsync"/>.
/// Used only when no real bulk transport is registered.
/// </summary>
internal sealed class SingleStepBulkTransport(IMailTransport transport) : IBulkMailTransport
{
    public Task<IBulkMailConnection> ConnectAsync(CancellationToken ct) => Task.FromResult<IBulkMailConnection>(new Connection(transport));

    private sealed class Connection(IMailTransport transport) : IBulkMailConnection
    {
        private OutgoingEmail? _open;

        public bool IsUsable { get; private set; } = true;

        public Task<SmtpReply> BeginAsync(OutgoingEmail email, CancellationToken ct)
        {
            _open = email;
            return Task.FromResult(new SmtpReply(354, "held"));
        }

        public async Task<SmtpReply> CompleteAsync(CancellationToken ct)
        {
            var email = _open ?? throw new InvalidOperationException("No message was begun.");
            _open = null;
            try
            {
                await transport.SendAsync(email, ct);
                return new SmtpReply(250, "OK");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                IsUsable = false;
                return new SmtpReply(451, ex.Message);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
