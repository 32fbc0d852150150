using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Data;
using Relais.Outbox;
using Relais.Privacy;
using Relais.Web.Members;

namespace Relais.Web.Privacy;

public static class PrivacySetup
{
    /// <summary>The rate limit of the public form that sends data and preferences links.</summary>
    public const string RequestLimit = "privacy-request";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<IOutboxHandler, ConfirmSubscriptionEmail>();
        services.AddScoped<IOutboxHandler, PreferencesLinkEmail>();
        services.AddScoped<IOutboxHandler, DataExportLinkEmail>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Posts only, per address and organization: reading the form is free, and one busy
            // organization does not lock out another's supporters behind the same proxy.
            o.AddPolicy(RequestLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    $"{http.Connection.RemoteIpAddress}|{http.Request.RouteValues["orgSlug"]}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        // The limiter reads each endpoint's policy, so it must run after routing: the pipeline
        // reaches this point after UseRouting and before the endpoints run.
        if (app is IApplicationBuilder pipeline)
        {
            pipeline.UseRateLimiter();
        }
        app.MapGet("/admin/supporters/{id:guid}/export.json", ExportAsync).RequireAuthorization(Policies.Member);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(
        Guid id, RelaisDb db, CurrentOrganization organization, TimeProvider clock, CancellationToken ct)
    {
        var data = await db.ExportAsync(organization.Id, id, clock.GetUtcNow(), ct);
        return data is null ? TypedResults.NotFound() : JsonFile(data);
    }

    public const string JsonType = "application/json; charset=utf-8";

    public static FileContentHttpResult JsonFile(SupporterExportData data) =>
        TypedResults.File(JsonBytes(data), JsonType, FileName(data));

    public static byte[] JsonBytes(SupporterExportData data) => JsonSerializer.SerializeToUtf8Bytes(data, Json);

    public static string FileName(SupporterExportData data) => $"supporter-{data.Supporter.Id}.json";
}
