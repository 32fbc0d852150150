namespace Relais.Web.Ladder;

public static class LadderSetup
{
    public static IServiceCollection AddLadder(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapLadder(this IEndpointRouteBuilder app) => app;
}
