namespace Relais.Web.Live;

/// <summary>The server-sent event streams shared by live counters and contest boards.</summary>
public static class EventStreams
{
    public static void Begin(HttpResponse response)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-store";
        // Asks reverse proxies (nginx) not to hold events back in their buffers.
        response.Headers["X-Accel-Buffering"] = "no";
    }

    /// <summary>
    /// Sends the reconnection delay and <paramref name="first"/> (when the browser has not seen it
    /// yet), then every event the subscriber receives, until the visitor leaves.
    /// </summary>
    public static async Task RelayAsync(HttpResponse response, byte[]? first, LiveSubscriber subscriber, CancellationToken ct)
    {
        try
        {
            await response.Body.WriteAsync(CountEvent.Retry, ct);
            if (first is { } opening)
            {
                await response.Body.WriteAsync(opening, ct);
            }
            await response.Body.FlushAsync(ct);
            var events = subscriber.Events;
            while (await events.WaitToReadAsync(ct))
            {
                while (events.TryRead(out var bytes))
                {
                    await response.Body.WriteAsync(bytes, ct);
                }
                await response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The visitor left.
        }
    }
}
