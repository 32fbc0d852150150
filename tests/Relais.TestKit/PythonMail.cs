using System.Diagnostics;
using System.Text.Json;

namespace Relais.TestKit;

/// <summary>
/// Independent readers of what Relais writes: Python's email package (MIME) and Debian's
/// python3-dkim (DKIM signatures), run through /usr/bin/python3. Shared by the Core and Web tests.
/// </summary>
public static class PythonMail
{
    private const string Python = "/usr/bin/python3";

    /// <summary>Skips outside CI when the module is missing; fails in CI (scripts/test.sh installs it).</summary>
    public static async Task SkipUnlessAsync(string module, string package)
    {
        if (File.Exists(Python) && (await RunAsync($"import {module}", [])).Code == 0)
        {
            return;
        }
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException($"{package} must be installed in CI: run the tests through scripts/test.sh.");
        }
        Assert.Skip($"{package} is not installed ({Python} cannot import {module}): apt-get install {package}, or run scripts/test.sh as root.");
    }

    /// <summary>dkim.verify on the message, the selector's TXT record served by a fake DNS; the verifier's log on failure.</summary>
    public static async Task<(bool Valid, string Log)> VerifyDkimAsync(byte[] message, string dnsRecord)
    {
        await SkipUnlessAsync("dkim", "python3-dkim");
        const string Script = """
            import sys, logging, io, dkim
            record = sys.argv[1].encode()
            log = io.StringIO()
            logger = logging.getLogger("dkim")
            logger.addHandler(logging.StreamHandler(log))
            logger.setLevel(logging.DEBUG)
            ok = dkim.verify(sys.stdin.buffer.read(), logger=logger, dnsfunc=lambda name, timeout=5: record)
            print("VALID" if ok else "INVALID")
            print(log.getvalue())
            """;
        var (code, output) = await RunAsync(Script, [dnsRecord], message);
        return (code == 0 && output.StartsWith("VALID", StringComparison.Ordinal), output);
    }

    /// <summary>The message as Python's email package reads it: decoded headers and parts.</summary>
    public static async Task<ParsedEmail> ParseAsync(byte[] message)
    {
        await SkipUnlessAsync("email", "python3");
        const string Script = """
            import sys, json, email, email.policy
            raw = sys.stdin.buffer.read()
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            parts = [(p.get_content_type(), p.get_content()) for p in msg.walk() if not p.is_multipart()]
            print(json.dumps({
                "from": str(msg["From"]), "to": str(msg["To"]), "subject": str(msg["Subject"]),
                "replyTo": str(msg["Reply-To"]) if msg["Reply-To"] else None,
                "messageId": str(msg["Message-ID"]), "listUnsubscribe": str(msg["List-Unsubscribe"]) if msg["List-Unsubscribe"] else None,
                "contentType": msg.get_content_type(), "defects": len(msg.defects) + sum(len(p.defects) for p in msg.walk()),
                "partTypes": [t for t, _ in parts], "text": next((c for t, c in parts if t == "text/plain"), None),
                "html": next((c for t, c in parts if t == "text/html"), None),
                "headerNames": list(msg.keys()),
                "longestLine": max(len(l) for l in raw.split(b"\r\n")),
                "bareLf": raw.replace(b"\r\n", b"").count(b"\n")}))
            """;
        var (code, output) = await RunAsync(Script, [], message);
        Assert.True(code == 0, output);
        return JsonSerializer.Deserialize<ParsedEmail>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private static async Task<(int Code, string Output)> RunAsync(string script, string[] arguments, byte[]? input = null)
    {
        var start = new ProcessStartInfo(Python, ["-c", script, .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(input);
        }
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException("python3 did not finish within 30 s.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}

public sealed record ParsedEmail(
    string From, string To, string Subject, string? ReplyTo, string MessageId, string? ListUnsubscribe, string ContentType,
    int Defects, string[] PartTypes, string? Text, string? Html, string[] HeaderNames, int LongestLine, int BareLf);
