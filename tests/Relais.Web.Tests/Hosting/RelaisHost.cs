using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Relais.Data;

namespace Relais.Web.Tests.Hosting;

/// <summary>
/// The real app behind an in-memory HTTP server, on a real database of its own: a fresh SQLite file,
/// or a fresh database in the PostgreSQL cluster that scripts/test.sh starts.
/// </summary>
public abstract class RelaisHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = new();

    private readonly bool _keepDataFolder;

    // On PostgreSQL: the cluster of RELAIS_TEST_POSTGRES, and this host's own database in it.
    private readonly string? _postgresServer;
    private readonly string _postgresDatabase = "relais_test_" + Guid.NewGuid().ToString("N")[..12];

    protected RelaisHost(DatabaseProvider provider, string? dataFolder = null)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            _postgresServer = Environment.GetEnvironmentVariable(PostgresHost.Variable);
            if (_postgresServer is not null)
            {
                Set("Relais:Database:ConnectionString", new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ConnectionString);
            }
        }
        _keepDataFolder = dataFolder is not null;
        DataFolder = dataFolder ?? Directory.CreateTempSubdirectory("relais-test-").FullName;
        Set("Relais:Database:Provider", provider.ToString());
        Set("Relais:Database:DataFolder", DataFolder);
        Set("Relais:Database:SqliteSynchronous", "NORMAL");
        Set("Relais:Startup:SeedDemo", "false");
        Set("Relais:Startup:FirstAdminEmail", "first-admin@relais.localhost");
    }

    public DatabaseProvider Provider { get; }
    public string DataFolder { get; }

    /// <summary>Why this host cannot run here, if it cannot (no PostgreSQL configured outside CI).</summary>
    public string? Unavailable =>
        Provider != DatabaseProvider.Postgres || _postgresServer is not null ? null
        : Environment.GetEnvironmentVariable("CI") == "true"
            ? throw new InvalidOperationException($"{PostgresHost.Variable} must be set in CI: run the tests through scripts/test.sh.")
            : $"{PostgresHost.Variable} is not set: run scripts/test.sh to test on PostgreSQL.";

    public TestData Data => new(Services);

    /// <summary>Errors the server logged while the tests of this class ran.</summary>
    public ServerErrors Errors { get; } = new();

    public void Set(string key, string? value) => _settings[key] = value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient Browser(string language = "en")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public async ValueTask InitializeAsync()
    {
        if (_postgresServer is not null)
        {
            await PostgresAsync($"CREATE DATABASE \"{_postgresDatabase}\"");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        await DropDatabaseAsync();
        if (_keepDataFolder)
        {
            GC.SuppressFinalize(this);
            return;
        }
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing background job; the OS temp cleaner takes it.
        }
        GC.SuppressFinalize(this);
    }

    private async Task DropDatabaseAsync()
    {
        if (_postgresServer is not null)
        {
            await PostgresAsync($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)");
        }
    }

    private async Task PostgresAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_postgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Skips the calling test when this host's database is not available here.</summary>
    public void SkipIfUnavailable()
    {
        if (Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }
    }
}

public sealed class SqliteHost : RelaisHost
{
    public SqliteHost()
        : base(DatabaseProvider.Sqlite)
    {
    }

    /// <summary>A host on an existing data folder, which it leaves in place: a restart.</summary>
    internal SqliteHost(string dataFolder)
        : base(DatabaseProvider.Sqlite, dataFolder)
    {
    }
}

public sealed class PostgresHost : RelaisHost
{
    public const string Variable = "RELAIS_TEST_POSTGRES";

    public PostgresHost()
        : base(DatabaseProvider.Postgres)
    {
    }
}
