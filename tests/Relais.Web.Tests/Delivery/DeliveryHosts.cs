using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Relais.Data;
using Relais.Web.Messaging;

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

/// <summary>Like <see cref="PostgresHost"/>: a fresh database in the cluster of RELAIS_TEST_POSTGRES.</summary>
public sealed class DeliveryPostgresHost : DeliveryHost
{
    private readonly string? _server = Environment.GetEnvironmentVariable(PostgresHost.Variable);
    private readonly string _database = "relais_test_" + Guid.NewGuid().ToString("N")[..12];

    public DeliveryPostgresHost()
        : base(DatabaseProvider.Postgres)
    {
        if (_server is not null)
        {
            Set("Relais:Database:ConnectionString", new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString);
        }
    }

    public override string? Unavailable =>
        _server is not null ? null
        : Environment.GetEnvironmentVariable("CI") == "true"
            ? throw new InvalidOperationException($"{PostgresHost.Variable} must be set in CI: run the tests through scripts/test.sh.")
            : $"{PostgresHost.Variable} is not set: run scripts/test.sh to test on PostgreSQL.";

    public override async ValueTask InitializeAsync()
    {
        if (_server is null)
        {
            return;
        }
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_server is null)
        {
            return;
        }
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
