namespace Relais.Web.Imports;

public static class ImportsSetup
{
    public static IServiceCollection AddImports(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app) => app;
}
