using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Relais.Data;

namespace Relais.Messaging;

/// <summary>
/// The personal links of an email: unsubscribe and preferences (/u/…) and counted clicks and
/// opens (/m/…). Each carries who it is for and a 128-bit HMAC, so that a million of them cost no
/// database row and nobody can forge one for someone else. The key is "Relais:LinkKey" (base64,
/// the same on every node) or, on a single machine, a file "link.key" made in the data folder.
/// </summary>
public sealed class RecipientLinks
{
    private const int MacBytes = 16;
    private readonly byte[] _key;
    private readonly PublicUrlOptions _url;

    public RecipientLinks(IConfiguration configuration, IOptions<DatabaseOptions> database, IOptions<PublicUrlOptions> url)
    {
        _key = LoadKey(configuration["Relais:LinkKey"], database.Value.DataFolder);
        _url = url.Value;
    }

    /// <summary>The unsubscribe page (GET shows a button; POST, including RFC 8058 one-click, acts).</summary>
    public string Unsubscribe(Guid supporterId, Guid? messageId) => _url.Link("/u/" + UnsubscribeToken(supporterId, messageId));

    /// <summary>The preference page reached from an email.</summary>
    public string Preferences(Guid supporterId, Guid? messageId) => Unsubscribe(supporterId, messageId) + "/preferences";

    /// <summary>The prefix of a recipient's counted links; the link's index follows it.</summary>
    public string TrackedLinkPrefix(long recipientId) => _url.Link("/m/" + RecipientToken(recipientId) + "/");

    /// <summary>The one-pixel image that counts an open, when the message asks for it.</summary>
    public string OpenPixel(long recipientId) => TrackedLinkPrefix(recipientId) + "open.gif";

    public string UnsubscribeToken(Guid supporterId, Guid? messageId)
    {
        var body = Base64Url.EncodeToString(supporterId.ToByteArray()) + "." + (messageId is { } m ? Base64Url.EncodeToString(m.ToByteArray()) : "-");
        return body + "." + Mac("u." + body);
    }

    public bool TryReadUnsubscribe(string? token, out Guid supporterId, out Guid? messageId)
    {
        supporterId = Guid.Empty;
        messageId = null;
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || !Verify("u." + parts[0] + "." + parts[1], parts[2]) || !TryGuid(parts[0], out supporterId))
        {
            return false;
        }
        if (parts[1] != "-")
        {
            if (!TryGuid(parts[1], out var message))
            {
                return false;
            }
            messageId = message;
        }
        return true;
    }

    public string RecipientToken(long recipientId)
    {
        var body = recipientId.ToString(CultureInfo.InvariantCulture);
        return body + "." + Mac("m." + body);
    }

    public bool TryReadRecipient(string? token, out long recipientId)
    {
        recipientId = 0;
        var parts = token?.Split('.');
        return parts is { Length: 2 }
            && Verify("m." + parts[0], parts[1])
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out recipientId);
    }

    private string Mac(string body)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body), mac);
        return Base64Url.EncodeToString(mac[..MacBytes]);
    }

    private bool Verify(string body, string mac) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(body)), Encoding.ASCII.GetBytes(mac));

    private static bool TryGuid(string text, out Guid id)
    {
        id = Guid.Empty;
        Span<byte> bytes = stackalloc byte[16];
        if (text.Length != 22 || Base64Url.DecodeFromChars(text, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != 16)
        {
            return false;
        }
        id = new Guid(bytes);
        return true;
    }

    private static byte[] LoadKey(string? configured, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = Convert.FromBase64String(configured);
            return key.Length >= 32 ? key : throw new InvalidOperationException("Relais:LinkKey must hold at least 32 bytes in base64.");
        }
        var path = Path.Combine(Path.GetFullPath(dataFolder), "link.key");
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fresh = RandomNumberGenerator.GetBytes(32);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(fresh)));
            return fresh;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first: use theirs, or links would not match across processes.
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
    }
}
