namespace Relais.Web.Automations;

public static class AutomationsSetup
{
    public static IServiceCollection AddAutomations(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapAutomations(this IEndpointRouteBuilder app) => app;
}
