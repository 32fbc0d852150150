using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Relais.Messaging;

/// <summary>
/// DKIM (RFC 6376) with RSA-SHA256 and relaxed/relaxed canonicalization, which survives the folding
/// and whitespace changes of relays. The receiver finds the public key in DNS at
/// "{selector}._domainkey.{domain}" as "v=DKIM1; k=rsa; p={base64 SubjectPublicKeyInfo}".
/// </summary>
public static class DkimSigner
{
    /// <summary>The headers signed when present, in this order.</summary>
    public static readonly string[] SignedHeaders =
    [
        "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "Reply-To",
        "List-Unsubscribe", "List-Unsubscribe-Post",
    ];

    // Importing a PEM costs far more than a signature: keep a few imported keys per PEM, one per
    // concurrent signer, since an RSA object is not documented as safe for concurrent use.
    private static readonly ConcurrentDictionary<string, ConcurrentBag<RSA>> Keys = new();

    /// <summary>The "DKIM-Signature: …" header (CRLF ended) to put in front of <paramref name="message"/>.</summary>
    public static byte[] SignatureHeader(ReadOnlySpan<byte> message, DkimKey key)
    {
        CheckTag(key.Domain, "domain");
        CheckTag(key.Selector, "selector");
        var (headers, bodyStart) = ParseHeaders(message);
        var bodyHash = Convert.ToBase64String(SHA256.HashData(RelaxedBody(message[bodyStart..])));

        var signed = new List<string>(SignedHeaders.Length);
        var canonical = new StringBuilder(1024);
        foreach (var name in SignedHeaders)
        {
            // The last instance is the one a verifier takes first (RFC 6376 5.4.2).
            var index = headers.FindLastIndex(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                signed.Add(name);
                canonical.Append(RelaxedHeader(headers[index].Name, headers[index].Value));
            }
        }
        var header = new StringBuilder(512)
            .Append("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=").Append(key.Domain)
            .Append("; s=").Append(key.Selector).Append(";\r\n\th=").Append(string.Join(':', signed).ToLowerInvariant())
            .Append(";\r\n\tbh=").Append(bodyHash).Append(";\r\n\tb=");
        var unsigned = header.ToString();
        canonical.Append(RelaxedHeader("DKIM-Signature", unsigned["DKIM-Signature:".Length..]).TrimEnd('\r', '\n'));

        var signature = Convert.ToBase64String(Sign(key.PrivateKeyPem, Encoding.ASCII.GetBytes(canonical.ToString())));
        for (var i = 0; i < signature.Length; i += 72)
        {
            header.Append(i == 0 ? "" : "\r\n\t").Append(signature, i, Math.Min(72, signature.Length - i));
        }
        return Encoding.ASCII.GetBytes(header.Append("\r\n").ToString());
    }

    private static byte[] Sign(string pem, byte[] data)
    {
        var pool = Keys.GetOrAdd(pem, static _ => []);
        if (!pool.TryTake(out var rsa))
        {
            rsa = RSA.Create();
            rsa.ImportFromPem(pem);
        }
        try
        {
            return rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        finally
        {
            pool.Add(rsa);
        }
    }

    /// <summary>The DNS TXT record that publishes the public half of <paramref name="privateKeyPem"/>.</summary>
    public static string DnsRecord(string privateKeyPem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        return "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    private static void CheckTag(string value, string what)
    {
        var valid = value.Length > 0;
        foreach (var c in value)
        {
            valid &= char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';
        }
        if (!valid)
        {
            throw new ArgumentException($"The DKIM {what} \"{value}\" is not a DNS name.");
        }
    }

    private readonly record struct Field(string Name, string Value);

    /// <summary>The header fields (value with its folding) and where the body starts.</summary>
    private static (List<Field> Headers, int BodyStart) ParseHeaders(ReadOnlySpan<byte> message)
    {
        var fields = new List<Field>(16);
        var position = 0;
        while (position < message.Length)
        {
            var lineEnd = message[position..].IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                throw new ArgumentException("The message has no blank line after its headers.");
            }
            if (lineEnd == 0)
            {
                return (fields, position + 2);
            }
            // A field ends at the CRLF not followed by a space or tab.
            var end = position + lineEnd;
            while (end + 2 < message.Length && message[end + 2] is (byte)' ' or (byte)'\t')
            {
                var next = message[(end + 2)..].IndexOf("\r\n"u8);
                end = next < 0 ? message.Length : end + 2 + next;
            }
            var field = Encoding.ASCII.GetString(message[position..end]);
            var colon = field.IndexOf(':');
            fields.Add(new Field(field[..colon], field[(colon + 1)..]));
            position = end + 2;
        }
        throw new ArgumentException("The message has no blank line after its headers.");
    }

    /// <summary>Lower-case name, unfolded value, runs of spaces as one, none around the colon (RFC 6376 3.4.2).</summary>
    private static string RelaxedHeader(string name, string value)
    {
        var text = new StringBuilder(name.Length + value.Length + 3).Append(name.Trim().ToLowerInvariant()).Append(':');
        var space = false;
        var any = false;
        foreach (var c in value)
        {
            if (c is '\r' or '\n')
            {
                continue;
            }
            if (c is ' ' or '\t')
            {
                space = true;
                continue;
            }
            if (space && any)
            {
                text.Append(' ');
            }
            space = false;
            any = true;
            text.Append(c);
        }
        return text.Append("\r\n").ToString();
    }

    /// <summary>Spaces at line ends dropped, runs as one, empty lines at the end dropped (RFC 6376 3.4.4).</summary>
    internal static byte[] RelaxedBody(ReadOnlySpan<byte> body)
    {
        var output = new List<byte>(body.Length);
        var pendingEmptyLines = 0;
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = body[position..].IndexOf("\r\n"u8);
            var line = lineEnd < 0 ? body[position..] : body.Slice(position, lineEnd);
            position = lineEnd < 0 ? body.Length : position + lineEnd + 2;
            var start = output.Count;
            var space = false;
            foreach (var b in line)
            {
                if (b is (byte)' ' or (byte)'\t')
                {
                    space = true;
                    continue;
                }
                if (space)
                {
                    output.Add((byte)' ');
                }
                space = false;
                output.Add(b);
            }
            if (output.Count == start)
            {
                pendingEmptyLines++;
                continue;
            }
            // Empty lines count only when something follows them.
            if (pendingEmptyLines > 0)
            {
                var text = output.GetRange(start, output.Count - start);
                output.RemoveRange(start, output.Count - start);
                for (; pendingEmptyLines > 0; pendingEmptyLines--)
                {
                    output.Add((byte)'\r');
                    output.Add((byte)'\n');
                }
                output.AddRange(text);
            }
            output.Add((byte)'\r');
            output.Add((byte)'\n');
        }
        return [.. output];
    }
}
