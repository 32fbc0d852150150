using System.Buffers.Text;

namespace Relais.Messaging;

/// <summary>
/// The code in a supporter's relay link (/c/{slug}?ref={code}): their id in URL-safe base64, so
/// that any page can tell who brought a visitor without a lookup table.
/// </summary>
public static class RelayCode
{
    public static string For(Guid supporterId) => Base64Url.EncodeToString(supporterId.ToByteArray());

    public static bool TryRead(string? code, out Guid supporterId)
    {
        supporterId = Guid.Empty;
        if (code is null || code.Length != 22)
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[16];
        if (Base64Url.DecodeFromChars(code, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != 16)
        {
            return false;
        }
        supporterId = new Guid(bytes);
        return true;
    }
}
