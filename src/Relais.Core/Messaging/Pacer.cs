namespace Relais.Messaging;

/// <summary>Spaces hand-overs to at most a given number per second, across all connections of the node.</summary>
public sealed class Pacer(double perSecond, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public Task WaitAsync(CancellationToken ct)
    {
        if (perSecond <= 0)
        {
            return Task.CompletedTask;
        }
        var now = clock.GetUtcNow();
        DateTimeOffset slot;
        lock (_lock)
        {
            slot = _next > now ? _next : now;
            _next = slot + TimeSpan.FromSeconds(1 / perSecond);
        }
        var wait = slot - now;
        return wait > TimeSpan.Zero ? Task.Delay(wait, clock, ct) : Task.CompletedTask;
    }
}
