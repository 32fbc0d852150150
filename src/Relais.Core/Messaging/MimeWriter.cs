using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Relais.Messaging;

/// <summary>
/// Turns an <see cref="OutgoingEmail"/> into the RFC 5322 bytes put on the wire: CRLF lines, headers
/// folded to 78 characters, non-ASCII words as RFC 2047 encoded-words, and a multipart/alternative
/// body (text, then HTML) in UTF-8 quoted-printable, so every line stays far below 998 octets and the
/// message is 7-bit clean. Text from people (subject, names) cannot add a header: control characters
/// become spaces; addresses, Message-IDs and extra headers that could break a line are refused.
/// Signed with DKIM when the email carries a key.
/// </summary>
public static class MimeWriter
{
    private const int MaxLine = 78;
    private const int QpLine = 76;

    /// <summary>Headers the writer owns: an extra header may not repeat or replace them.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "From", "Sender", "To", "Cc", "Bcc", "Reply-To", "Subject", "Message-ID", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "DKIM-Signature", "Return-Path", "Received",
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    /// <summary>The complete message, DKIM-signed when <see cref="OutgoingEmail.Dkim"/> is set.</summary>
    /// <param name="messageId">The Message-ID without angle brackets.</param>
    public static byte[] Write(OutgoingEmail email, MailSender sender, DateTimeOffset date, string messageId)
    {
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        WriteUnsigned(buffer, email, sender, date, messageId);
        if (email.Dkim is null)
        {
            return buffer.WrittenSpan.ToArray();
        }
        var signature = DkimSigner.SignatureHeader(buffer.WrittenSpan, email.Dkim);
        var message = new byte[signature.Length + buffer.WrittenCount];
        signature.CopyTo(message, 0);
        buffer.WrittenSpan.CopyTo(message.AsSpan(signature.Length));
        return message;
    }

    /// <summary>The message without a signature, appended to <paramref name="output"/>.</summary>
    public static void WriteUnsigned(IBufferWriter<byte> output, OutgoingEmail email, MailSender sender, DateTimeOffset date, string messageId)
    {
        var from = Address(sender.Address);
        var to = Address(email.To);
        var id = MessageId(messageId);
        Folded(output, "Date", date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Folded(output, "From", Mailbox(sender.Name, from));
        Folded(output, "To", to);
        if (!string.IsNullOrWhiteSpace(sender.ReplyTo))
        {
            Folded(output, "Reply-To", Address(sender.ReplyTo));
        }
        Folded(output, "Subject", Phrase(Clean(email.Subject), quote: false));
        Folded(output, "Message-ID", "<" + id + ">");
        WriteAscii(output, "MIME-Version: 1.0\r\n");
        foreach (var (name, value) in email.Headers)
        {
            Folded(output, HeaderName(name), HeaderValue(name, value));
        }
        var boundary = "=_" + Guid.NewGuid().ToString("N");
        WriteAscii(output, "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n\r\n");
        Part(output, boundary, "text/plain", email.Text);
        Part(output, boundary, "text/html", email.Html);
        WriteAscii(output, "--" + boundary + "--\r\n");
    }

    private static void Part(IBufferWriter<byte> output, string boundary, string mediaType, string content)
    {
        WriteAscii(output, "--" + boundary + "\r\nContent-Type: " + mediaType + "; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
        QuotedPrintable(output, content);
        WriteAscii(output, "\r\n");
    }

    /// <summary>
    /// RFC 2045 quoted-printable of the UTF-8 text, line breaks as CRLF. A dot opening a line is
    /// encoded too, so the SMTP layer rarely has to stuff one.
    /// </summary>
    internal static void QuotedPrintable(IBufferWriter<byte> output, string text)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var bytes = rented.AsSpan(0, Encoding.UTF8.GetBytes(text, rented));
            // Worst case: every byte as =XX, plus a soft break every 25 bytes.
            var span = output.GetSpan(bytes.Length * 3 + bytes.Length / 8 + 16);
            var written = 0;
            var column = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                if (b is (byte)'\r' or (byte)'\n')
                {
                    if (b == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n')
                    {
                        i++;
                    }
                    span[written++] = (byte)'\r';
                    span[written++] = (byte)'\n';
                    column = 0;
                    continue;
                }
                var lineEnds = i + 1 == bytes.Length || bytes[i + 1] is (byte)'\r' or (byte)'\n';
                var literal = (b is >= 33 and <= 126 && b != '=') || (b is (byte)' ' or (byte)'\t' && !lineEnds);
                var width = literal ? 1 : 3;
                // Room for the '=' of a soft break; the last character of a line needs none.
                if (column + width > (lineEnds ? QpLine : QpLine - 1))
                {
                    span[written++] = (byte)'=';
                    span[written++] = (byte)'\r';
                    span[written++] = (byte)'\n';
                    column = 0;
                }
                if (column == 0 && b == '.')
                {
                    literal = false;
                    width = 3;
                }
                if (literal)
                {
                    span[written++] = b;
                }
                else
                {
                    span[written++] = (byte)'=';
                    span[written++] = (byte)"0123456789ABCDEF"[b >> 4];
                    span[written++] = (byte)"0123456789ABCDEF"[b & 0xF];
                }
                column += width;
            }
            output.Advance(written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>"Name" &lt;address&gt;, the name as encoded-words when it is not plain ASCII.</summary>
    private static string Mailbox(string name, string address)
    {
        var clean = Clean(name).Trim();
        return clean.Length == 0 ? address : Phrase(clean, quote: true) + " <" + address + ">";
    }

    /// <summary>
    /// Plain ASCII as it is (quoted for a display name), anything else as B encoded-words of at most
    /// 42 UTF-8 bytes, whole characters each, separated by spaces where the header may fold.
    /// </summary>
    internal static string Phrase(string text, bool quote)
    {
        if (Ascii.IsValid(text) && !text.Contains("=?", StringComparison.Ordinal))
        {
            return quote ? "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"" : text;
        }
        const int MaxBytes = 42;
        var words = new StringBuilder();
        Span<byte> chunk = stackalloc byte[MaxBytes];
        Span<byte> encoded = stackalloc byte[MaxBytes / 3 * 4];
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (length + rune.Utf8SequenceLength > MaxBytes)
            {
                Word(words, chunk[..length], encoded);
                length = 0;
            }
            length += rune.EncodeToUtf8(chunk[length..]);
        }
        if (length > 0)
        {
            Word(words, chunk[..length], encoded);
        }
        return words.ToString();
    }

    private static void Word(StringBuilder words, ReadOnlySpan<byte> bytes, Span<byte> encoded)
    {
        Base64.EncodeToUtf8(bytes, encoded, out _, out var written);
        if (words.Length > 0)
        {
            words.Append(' ');
        }
        words.Append("=?utf-8?B?").Append(Encoding.ASCII.GetString(encoded[..written])).Append("?=");
    }

    /// <summary>Writes "Name: value" folded at spaces so lines stay within 78 characters where they can.</summary>
    private static void Folded(IBufferWriter<byte> output, string name, string value)
    {
        var line = new StringBuilder(name.Length + value.Length + 8).Append(name).Append(": ");
        var column = line.Length;
        var start = 0;
        var first = true;
        while (start <= value.Length)
        {
            var end = value.IndexOf(' ', start);
            if (end < 0)
            {
                end = value.Length;
            }
            var token = value.AsSpan(start, end - start);
            if (!first)
            {
                if (token.Length > 0 && column + 1 + token.Length > MaxLine)
                {
                    line.Append("\r\n");
                    column = 0;
                }
                line.Append(' ');
                column++;
            }
            if (column + token.Length > 998)
            {
                throw new ArgumentException($"The {name} header holds a word too long for one line.");
            }
            line.Append(token);
            column += token.Length;
            first = false;
            start = end + 1;
        }
        line.Append("\r\n");
        WriteAscii(output, line.ToString());
    }

    private static void WriteAscii(IBufferWriter<byte> output, string text)
    {
        var written = Encoding.ASCII.GetBytes(text, output.GetSpan(text.Length));
        output.Advance(written);
    }

    /// <summary>People's text: control characters (CR and LF among them) become spaces.</summary>
    private static string Clean(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return string.Create(text.Length, text, static (span, source) =>
                {
                    for (var i = 0; i < source.Length; i++)
                    {
                        span[i] = char.IsControl(source[i]) ? ' ' : source[i];
                    }
                });
            }
        }
        return text;
    }

    /// <summary>An address checked for anything that could break a header or an SMTP command; an internationalized domain as punycode.</summary>
    public static string Address(string address)
    {
        var trimmed = address.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1)
        {
            throw new ArgumentException($"Not an email address: {Printable(trimmed)}");
        }
        foreach (var c in trimmed)
        {
            if (c <= ' ' || c == 127 || c is '<' or '>' or '(' or ')' or ',' or ';' or '"' or '\\' or '[' or ']')
            {
                throw new ArgumentException($"Not an email address: {Printable(trimmed)}");
            }
        }
        var local = trimmed[..at];
        if (!Ascii.IsValid(local))
        {
            throw new ArgumentException($"Addresses with non-ASCII local parts need SMTPUTF8, which Relais does not send: {Printable(trimmed)}");
        }
        var domain = trimmed[(at + 1)..];
        return Ascii.IsValid(domain) ? trimmed : local + "@" + new IdnMapping().GetAscii(domain);
    }

    private static string MessageId(string id)
    {
        var at = id.IndexOf('@');
        foreach (var c in id)
        {
            if (c <= ' ' || c >= 127 || c is '<' or '>')
            {
                throw new ArgumentException("A Message-ID is printable ASCII without spaces or angle brackets.");
            }
        }
        return at > 0 && at < id.Length - 1 ? id : throw new ArgumentException("A Message-ID looks like local@domain.");
    }

    private static string HeaderName(string name)
    {
        if (name.Length == 0 || ReservedHeaders.Contains(name))
        {
            throw new ArgumentException($"The header {Printable(name)} cannot be set as an extra header.");
        }
        foreach (var c in name)
        {
            if (c is <= ' ' or >= (char)127 or ':')
            {
                throw new ArgumentException($"Not a header name: {Printable(name)}");
            }
        }
        return name;
    }

    private static string HeaderValue(string name, string value)
    {
        if (!Ascii.IsValid(value))
        {
            throw new ArgumentException($"The {name} header must be ASCII.");
        }
        return Clean(value).Trim();
    }

    private static string Printable(string text) => Clean(text);
}
