namespace Relais.Web.Campaigns;

public static class CampaignsSetup
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services) =>
        services.AddSingleton<CampaignPages>().AddSingleton<PublishedCampaigns>().AddSingleton<CampaignPageFragments>();
}
