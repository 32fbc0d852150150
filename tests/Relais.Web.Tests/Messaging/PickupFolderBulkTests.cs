using Relais.Data;
using Relais.Messaging;
using Relais.Web.Tests.Privacy;
using static Microsoft.Extensions.Options.Options;

namespace Relais.Web.Tests.Messaging;

/// <summary>Without an SMTP host, bulk sends land in the pickup folder, a file per completed message.</summary>
public sealed class PickupFolderBulkTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("relais-pickup-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task BeginThenComplete_WritesTheEmlOnlyOnCompletion()
    {
        var options = new SmtpOptions { FromAddress = "relais@example.org", PickupFolder = _folder.FullName };
        var composer = new MailComposer(Create(options), TimeProvider.System);
        var transport = new PickupFolderBulkTransport(new PickupFolder(Create(options), Create(new DatabaseOptions())), composer);
        await using var connection = await transport.ConnectAsync(CancellationToken.None);
        var email = new OutgoingEmail("pickup@example.org", "Déjà là", "Bonjour", "<p>Bonjour</p>") { MessageId = "pickup-1@example.org" };

        var begun = await connection.BeginAsync(email, CancellationToken.None);

        Assert.True(begun.IsPositive);
        Assert.Empty(Directory.GetFiles(_folder.FullName));
        var done = await connection.CompleteAsync(CancellationToken.None);
        Assert.Equal(250, done.Code);
        var file = Assert.Single(Directory.GetFiles(_folder.FullName));
        Assert.EndsWith(".eml", file);
        var parsed = await PythonMail.ParseAsync(await File.ReadAllBytesAsync(file));
        Assert.Equal("Déjà là", parsed.Subject);
        Assert.Equal("<pickup-1@example.org>", parsed.MessageId);
        Assert.Equal("Déjà là", (await Mailbox.WaitForAsync(_folder.FullName, "pickup@example.org")).Subject);
    }
}
