using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Data;
using Relais.Outbox;
using Relais.Privacy;
using Relais.Web.Members;

namespace Relais.Web.Privacy;

public static class PrivacySetup
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<IOutboxHandler, ConfirmSubscriptionEmail>();
        services.AddScoped<IOutboxHandler, PreferencesLinkEmail>();
        services.AddScoped<IOutboxHandler, DataExportLinkEmail>();
        return services;
    }

    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
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
