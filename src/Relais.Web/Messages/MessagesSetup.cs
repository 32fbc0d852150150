namespace Relais.Web.Messages;

public static class MessagesSetup
{
    public static IServiceCollection AddMessages(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app) => app;
}
