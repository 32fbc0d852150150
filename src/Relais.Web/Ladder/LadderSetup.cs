using Relais.Ladder;

namespace Relais.Web.Ladder;

public static class LadderSetup
{
    public static IServiceCollection AddLadder(this IServiceCollection services)
    {
        services.AddSingleton<LadderPlacer>();
        services.AddSingleton<LadderReference>();
        services.AddSingleton<NextStepOffers>();
        services.AddHostedService<LadderJob>();
        return services;
    }
}
