using Relais.Actions;
using Relais.Drives;
using Relais.Outbox;
using Relais.Web.Giving;

namespace Relais.Web.Drives;

public static class DrivesSetup
{
    public static IServiceCollection AddDrives(this IServiceCollection services)
    {
        services.AddSingleton<DriveSections>();
        services.AddSingleton<IActionStore, PledgeStore>();
        // A singleton, as CampaignOutcomes which holds every source is one: each call opens its own context.
        services.AddSingleton<ICampaignOutcomeSource, DriveOutcomes>();
        services.AddSingleton<DriveReminders>();
        services.AddHostedService<DriveReminderJob>();
        services.AddScoped<IOutboxHandler, DriveReminderEmail>();
        return services;
    }

    public static IEndpointRouteBuilder MapDrives(this IEndpointRouteBuilder app)
    {
        app.MapPledgeQrCodes();
        return app;
    }
}
