using Relais.Outbox;

namespace Relais.Web.Automations;

public static class AutomationsSetup
{
    /// <summary>The organization's sender, the automatic emails (thank-you, editable confirmation) and message statistics.</summary>
    public static IServiceCollection AddAutomations(this IServiceCollection services)
    {
        services.AddScoped<SenderIdentities>();
        services.AddScoped<AutomaticEmails>();
        services.AddScoped<IOutboxHandler, ThankYouEmail>();
        return services;
    }

    public static IEndpointRouteBuilder MapAutomations(this IEndpointRouteBuilder app) => app.MapMessageTracking();
}
