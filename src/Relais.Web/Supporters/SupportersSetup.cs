namespace Relais.Web.Supporters;

/// <summary>Supporters, tags, local groups and channels: Razor Pages under /admin, no extra services.</summary>
public static class SupportersSetup
{
    public static IServiceCollection AddSupporters(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapSupporters(this IEndpointRouteBuilder app) => app;
}
