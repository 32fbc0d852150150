namespace Relais.Web.Relays;

public static class RelaysSetup
{
    public static IServiceCollection AddRelays(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapRelays(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
