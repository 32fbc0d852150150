using Relais.Web.Giving;

namespace Relais.Web.Payments;

public static class PaymentsSetup
{
    public const string HttpClientName = "payments";

    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddOptions<PaymentsOptions>().BindConfiguration(PaymentsOptions.Section);
        services.AddHttpClient(HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<PaymentAccounts>();
        services.AddScoped<PaymentSettlement>();
        services.AddSingleton<SettlementWriter>();
        services.AddHostedService<SettlementWriterJob>();
        services.AddSingleton<PayPalCertificates>();
        services.AddSingleton<ProviderTokens>();
        services.AddScoped<IPaymentProvider, StripeProvider>();
        services.AddScoped<IPaymentProvider, HelloAssoProvider>();
        services.AddScoped<PayPalProvider>();
        services.AddScoped<IPaymentProvider>(s => s.GetRequiredService<PayPalProvider>());
        return services;
    }

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder app)
    {
        PaymentWebhooks.Map(app);
        PayPalProvider.MapReturn(app);
        return app;
    }
}
