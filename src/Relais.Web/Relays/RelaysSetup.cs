using Relais.Web.Campaigns;

namespace Relais.Web.Relays;

public static class RelaysSetup
{
    public static IServiceCollection AddRelays(this IServiceCollection services)
    {
        services.AddOptions<RelaysOptions>().BindConfiguration(RelaysOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RelayDirectory>();
        services.AddSingleton<ClickThrottle>();
        services.AddSingleton<RelayClickBuffer>();
        services.AddSingleton<RelayVisits>();
        services.AddHostedService<RelayClickWriter>();
        return services;
    }

    public static IEndpointRouteBuilder MapRelays(this IEndpointRouteBuilder app)
    {
        app.MapGet("/r/{code}/{slug}", FollowAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>A relay's personal link: count, remember, and on to the clean campaign page (or home for an unknown campaign).</summary>
    private static async Task<IResult> FollowAsync(
        string code, string slug, string? n, HttpContext http, CampaignPages pages, RelayVisits visits, CancellationToken ct)
    {
        var campaign = await pages.FindPublishedAsync(slug, ct);
        if (campaign is null)
        {
            return Results.Redirect("/");
        }
        await visits.RecordAsync(http, campaign, code, n, ct);
        return Results.Redirect("/c/" + Uri.EscapeDataString(campaign.Slug));
    }
}
