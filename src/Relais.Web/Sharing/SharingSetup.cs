namespace Relais.Web.Sharing;

public static class SharingSetup
{
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddSingleton<ShareKits>();
        return services;
    }

    public static IEndpointRouteBuilder MapSharing(this IEndpointRouteBuilder app)
    {
        app.MapQrCodes();
        return app;
    }
}
