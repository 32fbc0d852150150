using Relais.Actions;
using Relais.Giving;

namespace Relais.Web.Giving;

public static class GivingSetup
{
    public static IServiceCollection AddGiving(this IServiceCollection services)
    {
        services.AddScoped<DonationLedger>();
        services.AddSingleton<IActionStore, DonationStore>();
        services.AddSingleton<IActionStore, PageStore>();
        services.AddSingleton<FundraiserSections>();
        services.AddSingleton<CampaignOutcomes>();
        services.AddSingleton<ICampaignOutcomeSource, MoneyOutcomeSource>();
        services.AddSingleton<IPaymentProvider, OfflinePaymentProvider>();
        services.AddSingleton<IDonationObserver, FundraiserCacheObserver>();
        return services;
    }
}
