using System.Threading.Channels;

namespace Relais.Web.Live;

/// <summary>
/// One open stream. Its buffer holds a single event: a subscriber that reads slowly skips the
/// counts it had no time for and gets the latest, and the publisher never waits for it.
/// </summary>
public sealed class LiveSubscriber
{
    private readonly Channel<ReadOnlyMemory<byte>> _buffer = Channel.CreateBounded<ReadOnlyMemory<byte>>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true });

    public ChannelReader<ReadOnlyMemory<byte>> Events => _buffer.Reader;

    internal void Offer(ReadOnlyMemory<byte> bytes) => _buffer.Writer.TryWrite(bytes);

    /// <summary>A heartbeat only fills an empty buffer, so that it never pushes a count out.</summary>
    internal void OfferHeartbeat()
    {
        if (_buffer.Reader.Count == 0)
        {
            _buffer.Writer.TryWrite(CountEvent.Heartbeat);
        }
    }
}
