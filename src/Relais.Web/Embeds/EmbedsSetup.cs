namespace Relais.Web.Embeds;

public static class EmbedsSetup
{
    public static IServiceCollection AddEmbeds(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapEmbeds(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
