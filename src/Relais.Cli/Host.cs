using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Relais.Data;
using Relais.Web.Hosting;

namespace Relais.Cli;

/// <summary>The web host's services without its server: verbs use the same configuration and rules.</summary>
internal static class Host
{
    /// <summary>Services for a verb that does its work and exits: quiet logs, no server started.</summary>
    public static WebApplication Build(Dictionary<string, string?> settings) =>
        RelaisApp.Create([], builder => builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>(settings) { ["Logging:LogLevel:Default"] = "Warning" }));

    /// <summary>Brings the schema up to date; verbs that write call it first, as start-up does.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        return pending;
    }
}
