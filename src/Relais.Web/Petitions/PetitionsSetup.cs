using Relais.Actions;
using Relais.Petitions;
using Relais.Web.Jobs;

namespace Relais.Web.Petitions;

public static class PetitionsSetup
{
    public static IServiceCollection AddPetitions(this IServiceCollection services)
    {
        services.AddSingleton<PetitionCounters>();
        services.AddSingleton<IActionStore, SignatureStore>();
        services.AddHostedService<CounterRefreshJob>();
        return services;
    }
}
