namespace Relais.Web.Contests;

public static class ContestsSetup
{
    public static IServiceCollection AddContests(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapContests(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
