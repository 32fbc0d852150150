using Microsoft.Extensions.Options;
using Relais.Data;

namespace Relais.Web.Live;

public static class LiveSetup
{
    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LiveCounters>();
        services.AddSingleton<ICounterBus>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
            ? ActivatorUtilities.CreateInstance<PostgresCounterBus>(sp)
            : new LocalCounterBus());
        services.AddHostedService<LiveJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapLiveCounters();
        return app;
    }
}
