using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using Relais.Messaging;
using Relais.Web.Tests.Privacy;

namespace Relais.Web.Tests.Messaging;

/// <summary>Emails on the wire: through the real aiosmtpd sink, and through a scripted server for the failures.</summary>
public sealed class SmtpWireTests
{
    private static SmtpOptions Options(int port, int timeoutSeconds = 10) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        FromAddress = "relais@example.org",
        FromName = "Relais",
        TimeoutSeconds = timeoutSeconds,
    };

    private static MailComposer Composer(SmtpOptions options) => new(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);

    private static Task<SmtpConnection> ConnectAsync(SmtpOptions options) => SmtpConnection.OpenAsync(options, Composer(options), CancellationToken.None);

    private static OutgoingEmail French(string to, string? messageId = null) => new(
        to,
        "Merci ! Déjà 12 480 signatures pour la forêt de Brocéliande — partagez l’appel",
        "Bonjour Camille,\n\nÉcrivez à vos élus : « Ça suffit ».\n.Un point en début de ligne.\n",
        "<p>Bonjour <strong>Camille</strong>, l’appel est <a href=\"https://elan.example/c/foret\">ici</a>.</p>")
    {
        From = new MailSender("Collectif Élan", "contact@elan.example", "reponses@elan.example"),
        MessageId = messageId,
        Headers =
        [
            new("List-Unsubscribe", "<https://elan.example/u/abc.def.ghi>"),
            new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ],
    };

    private static int SinkPort => int.Parse(Mailbox.Port!, System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] RawFromSink(string recipient)
    {
        var folder = Path.Combine(Mailbox.Folder!, "new");
        var file = Directory.EnumerateFiles(folder).Single(f => File.ReadAllText(f).Contains(recipient, StringComparison.OrdinalIgnoreCase));
        return File.ReadAllBytes(file);
    }

    [Fact]
    public async Task BulkConnection_ThreeFrenchMessagesToTheSink_AllDecodedOnOneConnection()
    {
        Mailbox.SkipIfUnavailable();
        var recipients = Enumerable.Range(0, 3).Select(_ => Mailbox.UniqueAddress("wire")).ToArray();
        await using var connection = await ConnectAsync(Options(SinkPort));

        foreach (var (recipient, i) in recipients.Select((r, i) => (r, i)))
        {
            var begun = await connection.BeginAsync(French(recipient, $"wire-{i}-{Guid.NewGuid():N}@elan.example"), CancellationToken.None);
            Assert.Equal(354, begun.Code);
            var done = await connection.CompleteAsync(CancellationToken.None);
            Assert.Equal(250, done.Code);
        }

        Assert.True(connection.IsUsable);
        foreach (var recipient in recipients)
        {
            var received = await Mailbox.WaitForAsync(recipient);
            Assert.Equal("Merci ! Déjà 12 480 signatures pour la forêt de Brocéliande — partagez l’appel", received.Subject);
            var parsed = await PythonMail.ParseAsync(RawFromSink(recipient));
            Assert.Equal("Collectif Élan <contact@elan.example>", parsed.From);
            Assert.Equal(recipient, parsed.To);
            Assert.Equal("Merci ! Déjà 12 480 signatures pour la forêt de Brocéliande — partagez l’appel", parsed.Subject);
            Assert.StartsWith("<wire-", parsed.MessageId);
            Assert.Equal("<https://elan.example/u/abc.def.ghi>", parsed.ListUnsubscribe);
            Assert.Equal(["text/plain", "text/html"], parsed.PartTypes);
            Assert.Contains("« Ça suffit ».\n.Un point en début de ligne.", parsed.Text!.Replace("\r\n", "\n"));
            Assert.Contains("l’appel est <a href=\"https://elan.example/c/foret\">ici</a>", parsed.Html);
        }
    }

    [Fact]
    public async Task DkimSignedEmail_ThroughTheSink_StillVerifies()
    {
        Mailbox.SkipIfUnavailable();
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        var recipient = Mailbox.UniqueAddress("dkim");
        var email = French(recipient) with { Dkim = new DkimKey("elan.example", "relais", pem) };
        var options = Options(SinkPort);
        var composed = Composer(options).Compose(email);
        var (inProcess, inProcessLog) = await PythonMail.VerifyDkimAsync(composed.Content, DkimSigner.DnsRecord(pem));
        Assert.True(inProcess, inProcessLog);

        await using (var connection = await ConnectAsync(options))
        {
            Assert.Equal(354, (await connection.BeginAsync(composed, CancellationToken.None)).Code);
            Assert.Equal(250, (await connection.CompleteAsync(CancellationToken.None)).Code);
        }

        await Mailbox.WaitForAsync(recipient);
        var stored = RawFromSink(recipient);
        // The Maildir copy has LF line ends and the sink's own headers first; a receiving MTA sees CRLF.
        var crlf = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(stored).Replace("\r\n", "\n").Replace("\n", "\r\n"));
        var (valid, log) = await PythonMail.VerifyDkimAsync(crlf, DkimSigner.DnsRecord(pem));
        Assert.True(valid, log);
    }

    [Fact]
    public async Task TransactionalTransport_ThreeEmails_OneConnection()
    {
        await using var server = new ScriptedSmtpServer();
        var options = Options(server.Port);
        await using var transport = new SmtpMailTransport(Microsoft.Extensions.Options.Options.Create(options), Composer(options));

        for (var i = 0; i < 3; i++)
        {
            await transport.SendAsync(French($"reuse-{i}@example.org"), CancellationToken.None);
        }

        Assert.Equal(3, server.Messages.Count);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task Begin_RecipientRefusedWith550_ReplyReturnedAndConnectionStillUsable()
    {
        await using var server = new ScriptedSmtpServer();
        server.RecipientReplies["gone@example.org"] = "550 5.1.1 No such user";
        await using var connection = await ConnectAsync(Options(server.Port));

        var refused = await connection.BeginAsync(French("gone@example.org"), CancellationToken.None);

        Assert.Equal(550, refused.Code);
        Assert.True(refused.IsPermanent);
        Assert.True(connection.IsUsable);
        Assert.Contains("RSET", server.Commands);
        Assert.Equal(354, (await connection.BeginAsync(French("here@example.org"), CancellationToken.None)).Code);
        Assert.Equal(250, (await connection.CompleteAsync(CancellationToken.None)).Code);
        var message = Assert.Single(server.Messages);
        Assert.Contains("To: here@example.org", message);
    }

    [Fact]
    public async Task Begin_RecipientRefusedWithoutPipelining_ReplyReturnedAndNoDataSent()
    {
        await using var server = new ScriptedSmtpServer(pipelining: false);
        server.RecipientReplies["gone@example.org"] = "550 5.1.1 No such user";
        await using var connection = await ConnectAsync(Options(server.Port));

        var refused = await connection.BeginAsync(French("gone@example.org"), CancellationToken.None);

        Assert.Equal(550, refused.Code);
        Assert.DoesNotContain("DATA", server.Commands);
        Assert.True(connection.IsUsable);
    }

    [Fact]
    public async Task Begin_AddressRelaisCannotWrite_PermanentRefusalAndNothingSent()
    {
        await using var server = new ScriptedSmtpServer();
        await using var connection = await ConnectAsync(Options(server.Port));

        var refused = await connection.BeginAsync(French("camille@example.org\r\nRCPT TO:<x@example.org>"), CancellationToken.None);

        Assert.Equal(554, refused.Code);
        Assert.True(connection.IsUsable);
        Assert.DoesNotContain(server.Commands, c => c.StartsWith("MAIL", StringComparison.Ordinal) || c.StartsWith("RCPT", StringComparison.Ordinal));
        Assert.Equal(354, (await connection.BeginAsync(French("ok@example.org"), CancellationToken.None)).Code);
    }

    [Fact]
    public async Task Begin_421FromTheServer_ReplyReturnedAndConnectionUnusable()
    {
        await using var server = new ScriptedSmtpServer();
        server.RecipientReplies["busy@example.org"] = "421 4.3.2 Shutting down";
        await using var connection = await ConnectAsync(Options(server.Port));

        var reply = await connection.BeginAsync(French("busy@example.org"), CancellationToken.None);

        Assert.Equal(421, reply.Code);
        Assert.True(reply.IsTransient);
        Assert.False(connection.IsUsable);
        await Assert.ThrowsAsync<InvalidOperationException>(() => connection.BeginAsync(French("next@example.org"), CancellationToken.None));
    }

    [Fact]
    public async Task Open_UserNameSet_AuthenticatesWithPlain()
    {
        await using var server = new ScriptedSmtpServer { OfferAuth = true };
        var options = Options(server.Port);
        options.UserName = "relais";
        options.Password = "sécret";

        await using (var connection = await ConnectAsync(options))
        {
            Assert.True(connection.IsUsable);
        }

        var expected = "AUTH PLAIN " + Convert.ToBase64String(Encoding.UTF8.GetBytes("\0relais\0sécret"));
        Assert.Contains(expected, server.Commands);
        Assert.Equal("QUIT", server.Commands.Last());
    }

    [Fact]
    public async Task Open_UserNameSetButNoAuthOffered_Refused()
    {
        await using var server = new ScriptedSmtpServer();
        var options = Options(server.Port);
        options.UserName = "relais";

        await Assert.ThrowsAsync<SmtpProtocolException>(() => ConnectAsync(options));
    }

    [Fact]
    public async Task Open_TlsAskedButNotOffered_Refused()
    {
        await using var server = new ScriptedSmtpServer();
        var options = Options(server.Port);
        options.EnableSsl = true;

        var refused = await Assert.ThrowsAsync<SmtpProtocolException>(() => ConnectAsync(options));

        Assert.Contains("STARTTLS", refused.Message);
    }

    [Fact]
    public async Task Complete_451AfterTheDot_TransientReplyAndConnectionGoesOn()
    {
        await using var server = new ScriptedSmtpServer();
        server.NextDataReply = "451 4.3.0 Try again later";
        await using var connection = await ConnectAsync(Options(server.Port));

        await connection.BeginAsync(French("later@example.org"), CancellationToken.None);
        var verdict = await connection.CompleteAsync(CancellationToken.None);

        Assert.Equal(451, verdict.Code);
        Assert.True(verdict.IsTransient);
        Assert.True(connection.IsUsable);
        await connection.BeginAsync(French("later@example.org"), CancellationToken.None);
        Assert.Equal(250, (await connection.CompleteAsync(CancellationToken.None)).Code);
    }

    [Fact]
    public async Task Begin_ServerHangsUp_ConnectionUnusableAndTheTransportUsesANewOne()
    {
        await using var server = new ScriptedSmtpServer();
        var options = Options(server.Port);
        await using var connection = await ConnectAsync(options);
        server.HangUpOn = "MAIL";

        await Assert.ThrowsAnyAsync<IOException>(() => connection.BeginAsync(French("cut@example.org"), CancellationToken.None));

        Assert.False(connection.IsUsable);
        await using var transport = new SmtpMailTransport(Microsoft.Extensions.Options.Options.Create(options), Composer(options));
        await transport.SendAsync(French("first@example.org"), CancellationToken.None);
        server.HangUpOn = "MAIL";
        await transport.SendAsync(French("second@example.org"), CancellationToken.None);
        Assert.Equal(2, server.Messages.Count);
        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public async Task Complete_ServerNeverAnswers_TimesOutAndConnectionUnusable()
    {
        await using var server = new ScriptedSmtpServer();
        await using var connection = await ConnectAsync(Options(server.Port, timeoutSeconds: 1));
        server.SilentOn = "MAIL";
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => connection.BeginAsync(French("silence@example.org"), CancellationToken.None));

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.False(connection.IsUsable);
    }

    [Fact]
    public async Task ClientGoneBetweenBeginAndComplete_ServerKeepsNoMessage()
    {
        await using var server = new ScriptedSmtpServer();
        var connection = await ConnectAsync(Options(server.Port));
        Assert.Equal(354, (await connection.BeginAsync(French("never@example.org"), CancellationToken.None)).Code);

        // What a kill -9 does: the socket closes with the final dot never written.
        connection.Abort();

        await server.AbandonedData.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(server.Messages);
        Assert.False(connection.IsUsable);
    }

    [Fact]
    public async Task ClientGoneBetweenBeginAndComplete_SinkStoresNothing()
    {
        Mailbox.SkipIfUnavailable();
        var recipient = Mailbox.UniqueAddress("abandoned");
        var connection = await ConnectAsync(Options(SinkPort));
        await connection.BeginAsync(French(recipient), CancellationToken.None);

        await connection.DisposeAsync();

        // A message sent after it on a fresh connection arrives; the abandoned one never does.
        var after = Mailbox.UniqueAddress("after");
        await using (var next = await ConnectAsync(Options(SinkPort)))
        {
            await next.BeginAsync(French(after), CancellationToken.None);
            await next.CompleteAsync(CancellationToken.None);
        }
        await Mailbox.WaitForAsync(after);
        Assert.Equal(0, Mailbox.Count(recipient));
    }

    [Fact]
    public async Task Begin_OneThousandMessagesOnOneConnection_AllDelivered()
    {
        await using var server = new ScriptedSmtpServer();
        await using var connection = await ConnectAsync(Options(server.Port));
        var email = French("many@example.org");

        for (var i = 0; i < 1_000; i++)
        {
            await connection.BeginAsync(email, CancellationToken.None);
            await connection.CompleteAsync(CancellationToken.None);
        }

        Assert.Equal(1_000, server.Messages.Count);
    }
}
