using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Relais.Browser.Tests;

/// <summary>
/// The real Relais app on Kestrel at 127.0.0.1 (a free port), with a fresh SQLite database and the
/// demo organization in a temp folder that is deleted afterwards. One per test class.
/// </summary>
public sealed class RelaisServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The three published demo campaigns.</summary>
    public const string Palidzesim = "palidzesim-couches";
    public const string CriticalExposure = "critical-exposure-concours";
    public const string DayOfAction = "350-journee-action";

    private readonly TempFolder _dataFolder = new("relais-browser-");

    public RelaisServer() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>http://127.0.0.1:port of the running server.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        return ValueTask.CompletedTask;
    }

    /// <summary>An absolute URL on this server, e.g. Url("/c/x").</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Relais:Database:Provider", "Sqlite");
        builder.UseSetting("Relais:Database:DataFolder", _dataFolder.Path);
        builder.UseSetting("Relais:Startup:Migrate", "true");
        builder.UseSetting("Relais:Startup:SeedDemo", "true");
        builder.UseSetting("Relais:Startup:DemoSupportersPerCampaign", "50");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _dataFolder.Dispose();
    }
}
