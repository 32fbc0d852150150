namespace Relais.Data;

/// <summary>
/// The end of a worker's lease on rows it claims, made unique with a random part so that it is also
/// the claim's identity: rows reclaimed by another worker after expiry no longer carry it.
/// </summary>
public static class LeaseClaim
{
    public static DateTimeOffset Until(DateTimeOffset end)
    {
        // In units of 100 µs, which both engines store exactly (SQLite keeps ticks / 1000).
        var units = end.UtcTicks / 1_000 + Random.Shared.Next(10_000);
        return new DateTimeOffset(units * 1_000, TimeSpan.Zero);
    }
}
