using System.Text;

namespace Relais.Imports;

/// <summary>
/// Reads what a CSV file does not say: its encoding (a BOM, else valid UTF-8, else Windows-1252,
/// which is what French Excel saves) and its separator (from the header line).
/// </summary>
public static class CsvSniffer
{
    public const string Utf8 = "utf-8";
    public const string Utf16 = "utf-16";
    public const string Utf16BigEndian = "utf-16BE";
    public const string Windows1252 = "windows-1252";

    private static readonly char[] Separators = [';', ',', '\t', '|'];

    static CsvSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding EncodingNamed(string? name) => name switch
    {
        Utf16 => Encoding.Unicode,
        Utf16BigEndian => Encoding.BigEndianUnicode,
        Windows1252 => Encoding.GetEncoding(1252),
        _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    /// <summary>The encoding of the whole stream; reads it to the end (UTF-8 must be valid everywhere).</summary>
    public static string DetectEncoding(Stream stream)
    {
        Span<byte> head = stackalloc byte[3];
        var read = stream.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        head = head[..read];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Utf16;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Utf16BigEndian;
        }
        stream.Seek(0, SeekOrigin.Begin);
        return IsValidUtf8(stream) ? Utf8 : Windows1252;
    }

    public static bool IsValidUtf8(Stream stream)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[bytes.Length + 4];
        try
        {
            int read;
            while ((read = stream.Read(bytes)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>NUL bytes or many control characters: an image, a PDF, a zip, not text.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> head, string encoding)
    {
        if (encoding is Utf16 or Utf16BigEndian)
        {
            return false;
        }
        var controls = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return true;
            }
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                controls++;
            }
        }
        return controls > head.Length / 100;
    }

    /// <summary>The separator that occurs most often outside quotes in the first line; a comma if none does.</summary>
    public static char DetectDelimiter(string text)
    {
        var counts = new int[Separators.Length];
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                var index = Array.IndexOf(Separators, c);
                if (index >= 0)
                {
                    counts[index]++;
                }
            }
        }
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }
        return counts[best] == 0 ? ',' : Separators[best];
    }
}
