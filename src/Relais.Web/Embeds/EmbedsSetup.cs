namespace Relais.Web.Embeds;

public static class EmbedsSetup
{
    public static IServiceCollection AddEmbeds(this IServiceCollection services)
    {
        services.AddSingleton<EmbedSites>();
        services.AddSingleton<EmbedTokens>();
        return services;
    }
}
