namespace Relais.Web.Privacy;

public static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app) => app;
}
