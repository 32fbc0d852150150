using Relais.Actions;
using Relais.Web.Jobs;

namespace Relais.Web.Hosting;

public static class ActionsSetup
{
    /// <summary>
    /// The one intake of public actions and its single writer. Each action type registers its
    /// <see cref="IActionStore"/> in its own feature's setup.
    /// </summary>
    public static IServiceCollection AddActions(this IServiceCollection services)
    {
        services.AddSingleton<ActionIntake>();
        services.AddHostedService<ActionWriterJob>();
        return services;
    }
}
