namespace Relais.Web.Supporters;

public static class SupportersSetup
{
    public static IServiceCollection AddSupporters(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapSupporters(this IEndpointRouteBuilder app) => app;
}
