namespace Relais.Web.Receipts;

public static class ReceiptsSetup
{
    public static IServiceCollection AddReceipts(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapReceipts(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
