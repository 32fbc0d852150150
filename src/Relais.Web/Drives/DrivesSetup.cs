namespace Relais.Web.Drives;

public static class DrivesSetup
{
    public static IServiceCollection AddDrives(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapDrives(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
