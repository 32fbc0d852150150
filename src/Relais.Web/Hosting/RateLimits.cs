using System.Threading.RateLimiting;

namespace Relais.Web.Hosting;

/// <summary>
/// The rate limits of the public forms, registered here once and applied by the pipeline after
/// routing (the limiter reads each endpoint's policy). Pages name their policy with
/// <c>[EnableRateLimiting(RateLimits.…)]</c>.
/// </summary>
public static class RateLimits
{
    /// <summary>Posts of embedded forms, per address: a person signs once, a script many times.</summary>
    public const string EmbedSign = "embed-sign";

    /// <summary>The public form that sends data and preferences links.</summary>
    public const string PrivacyRequest = "privacy-request";

    public static IServiceCollection AddRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(EmbedSign, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));
            // Posts only, per address and organization: reading the form is free, and one busy
            // organization does not lock out another's supporters behind the same proxy.
            o.AddPolicy(PrivacyRequest, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    $"{http.Connection.RemoteIpAddress}|{http.Request.RouteValues["orgSlug"]}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));
        });
}
