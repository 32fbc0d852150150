using Relais.Giving;

namespace Relais.Web.Giving;

public static class GivingSetup
{
    public static IServiceCollection AddGiving(this IServiceCollection services)
    {
        services.AddScoped<DonationLedger>();
        return services;
    }

    public static IEndpointRouteBuilder MapGiving(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
