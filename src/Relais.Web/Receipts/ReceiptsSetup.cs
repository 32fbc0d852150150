using Relais.Giving;
using Relais.Outbox;

namespace Relais.Web.Receipts;

public static class ReceiptsSetup
{
    /// <summary>The receipt of every succeeded donation (numbered, emailed) and the yearly tax receipts.</summary>
    public static IServiceCollection AddReceipts(this IServiceCollection services)
    {
        services.AddScoped<IDonationObserver, DonationReceipts>();
        services.AddScoped<IOutboxHandler, DonationReceiptEmail>();
        return services;
    }

    public static IEndpointRouteBuilder MapReceipts(this IEndpointRouteBuilder app)
    {
        app.MapReceiptDownloads();
        return app;
    }
}
