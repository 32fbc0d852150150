using System.Text;
using Relais.Messaging;

namespace Relais.Core.Tests.Messaging;

public class MimeWriterTests
{
    private static readonly DateTimeOffset Date = new(2026, 3, 14, 9, 26, 53, TimeSpan.FromHours(1));
    private static readonly MailSender Sender = new("Collectif Élan", "contact@elan.example", "reponses@elan.example");

    internal static OutgoingEmail French(string to = "camille@example.org") => new(
        to,
        "Merci Camille ! Déjà 12 480 signatures pour sauver la forêt de Brocéliande — partagez l’appel à vos proches",
        "Bonjour Camille,\n\nÉcrivez à vos élus : « Ça suffit ».\n.Une ligne qui commence par un point.\n" + new string('é', 600) + "\n",
        "<p>Bonjour <strong>Camille</strong>, <a href=\"https://elan.example/c/foret?ref=abc\">partagez</a> l’appel.</p>")
    {
        From = Sender,
        Headers =
        [
            new("List-Unsubscribe", "<https://elan.example/u/abc.def.ghi>, <mailto:unsubscribe@elan.example?subject=abc>"),
            new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ],
    };

    private static byte[] Write(OutgoingEmail email) => MimeWriter.Write(email, email.From ?? Sender, Date, "0192f.camille@elan.example");

    [Fact]
    public async Task Write_FrenchEmail_ReadBackByPythonWithEveryHeaderAndBothParts()
    {
        var email = French();

        var parsed = await PythonMail.ParseAsync(Write(email));

        Assert.Equal(email.Subject, parsed.Subject);
        Assert.Equal("Collectif Élan <contact@elan.example>", parsed.From);
        Assert.Equal("camille@example.org", parsed.To);
        Assert.Equal("reponses@elan.example", parsed.ReplyTo);
        Assert.Equal("<0192f.camille@elan.example>", parsed.MessageId);
        Assert.Equal("<https://elan.example/u/abc.def.ghi>, <mailto:unsubscribe@elan.example?subject=abc>", parsed.ListUnsubscribe);
        Assert.Equal("multipart/alternative", parsed.ContentType);
        Assert.Equal(["text/plain", "text/html"], parsed.PartTypes);
        Assert.Equal(email.Text, parsed.Text!.Replace("\r\n", "\n"));
        Assert.Equal(email.Html, parsed.Html!.TrimEnd('\n'));
        Assert.Equal(0, parsed.Defects);
        Assert.Equal(0, parsed.BareLf);
    }

    [Fact]
    public void Write_LongSubjectAndLongLines_EveryLineWithin78Characters()
    {
        var message = Encoding.ASCII.GetString(Write(French()));

        var lines = message.Split("\r\n");
        Assert.All(lines, line => Assert.True(line.Length <= 78, $"{line.Length}: {line}"));
        Assert.Contains("Subject: =?utf-8?B?", message);
        Assert.DoesNotContain(lines, line => line.StartsWith('.'));
    }

    [Fact]
    public void Write_Date_InRfc5322FormInUtc()
    {
        var message = Encoding.ASCII.GetString(Write(French()));

        Assert.StartsWith("Date: Sat, 14 Mar 2026 08:26:53 +0000\r\n", message);
    }

    [Theory]
    [InlineData("Hello\r\nBcc: victim@example.org")]
    [InlineData("Hello\nBcc: victim@example.org")]
    [InlineData("Héllo\rBcc: victim@example.org")]
    public async Task Write_SubjectOrNameWithLineBreaks_NoHeaderAdded(string hostile)
    {
        var email = French() with { Subject = hostile, From = Sender with { Name = hostile } };

        var parsed = await PythonMail.ParseAsync(Write(email));

        Assert.DoesNotContain("Bcc", parsed.HeaderNames);
        Assert.Contains("Bcc: victim", parsed.Subject);
        Assert.DoesNotContain('\n', parsed.Subject);
    }

    [Theory]
    [InlineData("X-Test\r\nBcc", "value")]
    [InlineData("X Test", "value")]
    [InlineData("Bcc", "victim@example.org")]
    [InlineData("From", "other@example.org")]
    [InlineData("X-Test", "café")]
    public void Write_BadExtraHeader_Refused(string name, string value)
    {
        var email = French() with { Headers = [new(name, value)] };

        Assert.Throws<ArgumentException>(() => Write(email));
    }

    [Fact]
    public void Write_ExtraHeaderValueWithLineBreak_StaysOneHeader()
    {
        var email = French() with { Headers = [new("X-Campaign", "a\r\nBcc: victim@example.org")] };

        var message = Encoding.ASCII.GetString(Write(email));

        Assert.DoesNotContain("\r\nBcc:", message);
        Assert.Contains("X-Campaign: a  Bcc: victim@example.org\r\n", message);
    }

    [Theory]
    [InlineData("camille@example.org\r\nRCPT TO:<x@example.org>")]
    [InlineData("camille@example.org> <x@example.org")]
    [InlineData("not-an-address")]
    [InlineData("camille@")]
    [InlineData("cämille@example.org")]
    public void Write_BadRecipient_Refused(string to)
    {
        Assert.Throws<ArgumentException>(() => Write(French(to)));
    }

    [Fact]
    public void Address_InternationalDomain_WrittenAsPunycode()
    {
        Assert.Equal("camille@xn--lan-9la.example", MimeWriter.Address("camille@élan.example"));
    }

    [Fact]
    public void Write_AsciiSubject_WrittenAsIs()
    {
        var email = French() with { Subject = "Thank you" };

        var message = Encoding.ASCII.GetString(Write(email));

        Assert.Contains("\r\nSubject: Thank you\r\n", message);
    }
}
