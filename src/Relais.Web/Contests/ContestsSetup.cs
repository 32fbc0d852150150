using Relais.Contests;
using Relais.Giving;

namespace Relais.Web.Contests;

public static class ContestsSetup
{
    public static IServiceCollection AddContests(this IServiceCollection services)
    {
        services.AddSingleton<IDonationObserver, ContestTallies>();
        services.AddSingleton<ContestBoards>();
        services.AddSingleton<BoardHub>();
        services.AddHostedService<BoardJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapContests(this IEndpointRouteBuilder app)
    {
        app.MapContestBoards();
        return app;
    }
}
