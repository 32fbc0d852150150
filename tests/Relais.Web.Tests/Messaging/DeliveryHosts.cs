using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Relais.Data;
using Relais.Messaging;

namespace Relais.Web.Tests.Delivery;

/// <summary>The app with the bulk transport replaced by <see cref="FakeBulkTransport"/> and a quick sender.</summary>
public abstract class DeliveryHost : RelaisHost
{
    protected DeliveryHost(DatabaseProvider provider)
        : base(provider)
    {
        Set("Relais:Delivery:PollMilliseconds", "50");
        Set("Relais:Delivery:BatchSize", "50");
        Set("Relais:Smtp:MaxConnections", "4");
        Set("Relais:PublicUrl", "https://relais.example.org");
    }

    public FakeBulkTransport Transport { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IBulkMailTransport>(Transport));
    }
}

public sealed class DeliverySqliteHost() : DeliveryHost(DatabaseProvider.Sqlite);

public sealed class DeliveryPostgresHost() : DeliveryHost(DatabaseProvider.Postgres);
