using System.Globalization;
using System.Text;

namespace Relais.Web.Live;

/// <summary>
/// One server-sent event carrying a petition's count and displayed goal. The count is the event
/// id, so a reconnecting browser says which count it last saw (Last-Event-ID).
/// </summary>
public static class CountEvent
{
    /// <summary>How long a browser waits before reconnecting, sent first on every stream.</summary>
    public static readonly ReadOnlyMemory<byte> Retry = "retry: 3000\n\n"u8.ToArray();

    /// <summary>A comment line: keeps proxies from closing an idle stream, ignored by EventSource.</summary>
    public static readonly ReadOnlyMemory<byte> Heartbeat = ": heartbeat\n\n"u8.ToArray();

    public static byte[] For(int count, int goal) => Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture, $"id: {count}\ndata: {{\"count\":{count},\"goal\":{goal}}}\n\n"));

    /// <summary>The count a reconnecting browser last received, if it sent a readable one.</summary>
    public static int? LastSeen(string? lastEventId) =>
        int.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;
}
