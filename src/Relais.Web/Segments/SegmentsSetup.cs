namespace Relais.Web.Segments;

public static class SegmentsSetup
{
    public static IServiceCollection AddSegments(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapSegments(this IEndpointRouteBuilder app) => app;
}
