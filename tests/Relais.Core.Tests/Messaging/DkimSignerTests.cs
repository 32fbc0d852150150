using System.Security.Cryptography;
using System.Text;
using Relais.Messaging;

namespace Relais.Core.Tests.Messaging;

public class DkimSignerTests
{
    internal static readonly string KeyPem = NewKey();

    private static string NewKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    private static OutgoingEmail Signed() => MimeWriterTests.French() with { Dkim = new DkimKey("elan.example", "relais2026", KeyPem) };

    private static byte[] Write(OutgoingEmail email) => MimeWriter.Write(email, email.From!, DateTimeOffset.UtcNow, "dkim-test@elan.example");

    [Fact]
    public async Task Sign_FrenchEmail_VerifiedByDkimpy()
    {
        var message = Write(Signed());

        var (valid, log) = await PythonMail.VerifyDkimAsync(message, DkimSigner.DnsRecord(KeyPem));

        Assert.True(valid, log);
    }

    [Fact]
    public async Task Sign_BodyChangedAfterSigning_RejectedByDkimpy()
    {
        var message = Encoding.ASCII.GetString(Write(Signed()));
        var tampered = Encoding.ASCII.GetBytes(message.Replace("Bonjour", "Bonsoir"));

        var (valid, _) = await PythonMail.VerifyDkimAsync(tampered, DkimSigner.DnsRecord(KeyPem));

        Assert.False(valid);
    }

    [Fact]
    public async Task Sign_OtherKeyInDns_RejectedByDkimpy()
    {
        var message = Write(Signed());

        var (valid, _) = await PythonMail.VerifyDkimAsync(message, DkimSigner.DnsRecord(NewKey()));

        Assert.False(valid);
    }

    [Fact]
    public void Sign_PresentHeaders_ListedInH()
    {
        var message = Encoding.ASCII.GetString(Write(Signed()));

        var header = message[..message.IndexOf("\r\nFrom:", StringComparison.Ordinal)].Replace("\r\n\t", " ");
        Assert.StartsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=elan.example; s=relais2026;", header);
        Assert.Contains("h=from:to:subject:date:message-id:mime-version:content-type:reply-to:list-unsubscribe:list-unsubscribe-post;", header);
    }

    [Fact]
    public void RelaxedBody_TrailingSpacesAndEmptyLines_Dropped()
    {
        var body = DkimSigner.RelaxedBody("a  b \t\r\n\r\nc\r\n\r\n\r\n"u8);

        Assert.Equal("a b\r\n\r\nc\r\n", Encoding.ASCII.GetString(body));
    }

    [Fact]
    public void Sign_BadSelector_Refused()
    {
        var email = Signed() with { Dkim = new DkimKey("elan.example", "s;x=1", KeyPem) };

        Assert.Throws<ArgumentException>(() => Write(email));
    }
}
