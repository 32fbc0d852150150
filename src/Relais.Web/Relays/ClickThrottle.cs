using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Relais.Web.Relays;

/// <summary>
/// How many clicks one client address may have counted per minute. The addresses live only in
/// this limiter's memory (idle ones are dropped by it) and are never stored.
/// </summary>
public sealed class ClickThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _limiter;

    public ClickThrottle(IOptions<RelaysOptions> options)
    {
        var limit = options.Value.ClicksPerMinutePerClient;
        _limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address =>
            RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
    }

    public bool Allows(IPAddress? address)
    {
        using var lease = _limiter.AttemptAcquire(address ?? IPAddress.None);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
