using System.Threading.RateLimiting;

namespace Relais.Web.Embeds;

public static class EmbedsSetup
{
    /// <summary>Posts of embedded forms, per address: a person signs once, a script many times.</summary>
    public const string SignLimit = "embed-sign";

    public static IServiceCollection AddEmbeds(this IServiceCollection services)
    {
        services.AddSingleton<EmbedSites>();
        services.AddSingleton<EmbedTokens>();
        services.AddRateLimiter(o => o.AddPolicy(SignLimit, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("")));
        return services;
    }

    public static IEndpointRouteBuilder MapEmbeds(this IEndpointRouteBuilder app) => app;
}
