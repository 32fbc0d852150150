using System.Text;
using System.Text.RegularExpressions;

namespace Relais.Web.Tests.Privacy;

/// <summary>An email as the SMTP sink (or the pickup folder) received it, with its parts decoded.</summary>
public sealed record ReceivedEmail(string Raw, string Subject, string Text, string Html)
{
    public bool Holds(string words) => Subject.Contains(words, StringComparison.Ordinal) || Text.Contains(words, StringComparison.Ordinal);

    /// <summary>A header's value as written (folded lines joined), or null.</summary>
    public string? Header(string name)
    {
        var headers = Regex.Replace(Raw[..Raw.IndexOf("\n\n", StringComparison.Ordinal)], "\n[ \t]+", " ");
        var match = Regex.Match(headers, "^" + Regex.Escape(name) + ": (.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    /// <summary>The first link in the text part whose path starts with <paramref name="prefix"/>, as a path.</summary>
    public string LinkPath(string prefix)
    {
        var match = Regex.Match(Text, "https?://[^/\\s]+(" + Regex.Escape(prefix) + "[A-Za-z0-9_\\-]+)");
        Assert.True(match.Success, $"No {prefix} link in:\n{Text}");
        return match.Groups[1].Value;
    }
}

/// <summary>
/// The Maildir of the aiosmtpd sink that scripts/test.sh starts (RELAIS_TEST_SMTP_PORT,
/// RELAIS_TEST_MAILDIR). Tests find their message by a recipient address no other test uses.
/// </summary>
public static partial class Mailbox
{
    public const string PortVariable = "RELAIS_TEST_SMTP_PORT";
    public const string FolderVariable = "RELAIS_TEST_MAILDIR";

    public static string? Port => Environment.GetEnvironmentVariable(PortVariable);
    public static string? Folder => Environment.GetEnvironmentVariable(FolderVariable);

    /// <summary>Points the host's SMTP settings at the sink, when there is one.</summary>
    public static void UseSink(RelaisHost host)
    {
        if (Port is { } port)
        {
            host.Set("Relais:Smtp:Host", "127.0.0.1");
            host.Set("Relais:Smtp:Port", port);
        }
        host.Set("Relais:Smtp:FromAddress", "relais@example.org");
        host.Set("Relais:Outbox:PollMilliseconds", "100");
        host.Set("Relais:PublicUrl", "https://relais.example.org");
    }

    /// <summary>Skips outside CI when the sink is not running; fails in CI.</summary>
    public static void SkipIfUnavailable()
    {
        if (Port is not null && Folder is not null)
        {
            return;
        }
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException($"{PortVariable} and {FolderVariable} must be set in CI: run the tests through scripts/test.sh.");
        }
        Assert.Skip($"{PortVariable} and {FolderVariable} are not set: run scripts/test.sh to test with the SMTP sink.");
    }

    public static string UniqueAddress(string name = "person") => $"{name}-{Guid.NewGuid():N}@example.org";

    public static Task<ReceivedEmail> WaitForAsync(string recipient, TimeSpan? timeout = null) =>
        WaitForAsync(Path.Combine(Folder!, "new"), recipient, timeout);

    /// <summary>Waits for the message to <paramref name="recipient"/> whose subject or text holds <paramref name="containing"/> (a person also receives a thank-you).</summary>
    public static Task<ReceivedEmail> WaitForContainingAsync(string recipient, string containing, TimeSpan? timeout = null) =>
        WaitForAsync(Path.Combine(Folder!, "new"), recipient, containing, timeout);

    /// <summary>Polls <paramref name="folder"/> until a message to <paramref name="recipient"/> arrives.</summary>
    public static Task<ReceivedEmail> WaitForAsync(string folder, string recipient, TimeSpan? timeout = null) =>
        WaitForAsync(folder, recipient, "", timeout);

    /// <summary>Polls <paramref name="folder"/> until a message to <paramref name="recipient"/> holding <paramref name="containing"/> arrives.</summary>
    public static async Task<ReceivedEmail> WaitForAsync(string folder, string recipient, string containing, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (FindAll(folder, recipient).FirstOrDefault(m => m.Holds(containing)) is { } found)
            {
                return found;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"No email to {recipient} arrived in {folder}.");
            }
            await Task.Delay(100);
        }
    }

    public static int Count(string recipient) => Count(Path.Combine(Folder!, "new"), recipient);

    public static int Count(string folder, string recipient) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Count(f => Read(f).Contains(recipient, StringComparison.OrdinalIgnoreCase)) : 0;

    /// <summary>How many messages to <paramref name="recipient"/> hold <paramref name="containing"/> in their subject or text.</summary>
    public static int CountContaining(string recipient, string containing) => FindAll(Path.Combine(Folder!, "new"), recipient).Count(m => m.Holds(containing));

    /// <summary>Every message to <paramref name="recipient"/> in <paramref name="folder"/>.</summary>
    public static IEnumerable<ReceivedEmail> FindAll(string folder, string recipient)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var raw = Read(file);
            if (Regex.IsMatch(raw, "^To: .*" + Regex.Escape(recipient), RegexOptions.Multiline | RegexOptions.IgnoreCase))
            {
                yield return Parse(raw);
            }
        }
    }

    private static string Read(string file)
    {
        try
        {
            return File.ReadAllText(file).Replace("\r\n", "\n");
        }
        catch (IOException)
        {
            return "";
        }
    }

    [GeneratedRegex("boundary=\"?([^\";\\n]+)\"?")]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex("=\\?utf-8\\?B\\?([^?]*)\\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWordPattern();

    /// <summary>Decodes a quoted-printable part (lines already LF-ended) as UTF-8.</summary>
    public static string QuotedPrintable(string body)
    {
        var bytes = new List<byte>(body.Length);
        var text = body.Replace("=\n", "");
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Reads what Relais writes: multipart/alternative, quoted-printable (or base64) UTF-8 parts, B-encoded words.</summary>
    private static ReceivedEmail Parse(string raw)
    {
        var headerEnd = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = Regex.Replace(raw[..headerEnd], "\n[ \t]+", " ");
        // The subject comes as B-encoded UTF-8 words when it is not ASCII.
        var subjectLine = Regex.Match(headers, "^Subject: (.*)$", RegexOptions.Multiline).Groups[1].Value;
        var words = EncodedWordPattern().Matches(subjectLine);
        var subject = words.Count == 0
            ? subjectLine
            : Encoding.UTF8.GetString(words.SelectMany(m => Convert.FromBase64String(m.Groups[1].Value)).ToArray());
        var boundary = BoundaryPattern().Match(headers).Groups[1].Value;
        string text = "", html = "";
        foreach (var part in raw[headerEnd..].Split("--" + boundary))
        {
            var split = part.IndexOf("\n\n", StringComparison.Ordinal);
            if (split < 0)
            {
                continue;
            }
            var partHeaders = part[..split];
            var body = part[(split + 2)..].Trim();
            if (partHeaders.Contains("base64", StringComparison.OrdinalIgnoreCase))
            {
                body = Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\n", "")));
            }
            else if (partHeaders.Contains("quoted-printable", StringComparison.OrdinalIgnoreCase))
            {
                body = QuotedPrintable(body);
            }
            if (partHeaders.Contains("text/plain", StringComparison.OrdinalIgnoreCase))
            {
                text = body;
            }
            else if (partHeaders.Contains("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = body;
            }
        }
        return new ReceivedEmail(raw, subject, text, html);
    }
}
