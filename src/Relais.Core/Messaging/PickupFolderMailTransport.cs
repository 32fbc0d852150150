using Microsoft.Extensions.Options;
using Relais.Data;

namespace Relais.Messaging;

/// <summary>The folder emails go to as .eml files when no SMTP host is set: the default on a laptop.</summary>
public sealed class PickupFolder(IOptions<SmtpOptions> options, IOptions<DatabaseOptions> database)
{
    public string Folder => Path.GetFullPath(options.Value.PickupFolder ?? Path.Combine(database.Value.DataFolder, "mail"));

    /// <summary>Written aside then moved in, so that whoever reads the folder never sees half a file.</summary>
    public async Task WriteAsync(ComposedEmail email, CancellationToken ct)
    {
        var staging = Path.Combine(Folder, "tmp");
        Directory.CreateDirectory(staging);
        var name = Guid.CreateVersion7().ToString("N") + ".eml";
        await File.WriteAllBytesAsync(Path.Combine(staging, name), email.Content, ct);
        File.Move(Path.Combine(staging, name), Path.Combine(Folder, name));
    }
}

/// <summary>Transactional emails as .eml files in the pickup folder.</summary>
internal sealed class PickupFolderMailTransport(PickupFolder folder, MailComposer composer) : IMailTransport
{
    public string Folder => folder.Folder;

    public Task SendAsync(OutgoingEmail email, CancellationToken ct) => folder.WriteAsync(composer.Compose(email), ct);
}

/// <summary>Bulk sends into the pickup folder: the file appears when the message is completed.</summary>
internal sealed class PickupFolderBulkTransport(PickupFolder folder, MailComposer composer) : IBulkMailTransport
{
    public Task<IBulkMailConnection> ConnectAsync(CancellationToken ct) => Task.FromResult<IBulkMailConnection>(new Connection(folder, composer));

    private sealed class Connection(PickupFolder folder, MailComposer composer) : IBulkMailConnection
    {
        private ComposedEmail? _begun;

        public bool IsUsable => true;

        public Task<SmtpReply> BeginAsync(OutgoingEmail email, CancellationToken ct)
        {
            if (_begun is not null)
            {
                throw new InvalidOperationException("A message is begun on this connection: complete it first.");
            }
            if (!MailComposer.TryCompose(composer, email, out var composed, out var refusal))
            {
                return Task.FromResult(refusal);
            }
            _begun = composed;
            return Task.FromResult(new SmtpReply(354, "Written on completion"));
        }

        public async Task<SmtpReply> CompleteAsync(CancellationToken ct)
        {
            var email = _begun ?? throw new InvalidOperationException("No message was begun on this connection.");
            _begun = null;
            await folder.WriteAsync(email, ct);
            return new SmtpReply(250, "Written to " + folder.Folder);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
