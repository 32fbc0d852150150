using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Relais.Data;

namespace Relais.TestKit;

/// <summary>
/// The real app behind an in-memory HTTP server, on a real database of its own: a fresh SQLite file,
/// or a fresh database in the PostgreSQL cluster that scripts/test.sh starts.
/// </summary>
public abstract class RelaisHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = new();

    private readonly TempFolder? _dataFolder;

    // On PostgreSQL: this host's own database in the cluster of RELAIS_TEST_POSTGRES.
    private readonly PostgresDatabase? _postgres;

    protected RelaisHost(DatabaseProvider provider, string? dataFolder = null)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Postgres && TestPostgres.Server is { } server)
        {
            _postgres = new PostgresDatabase(server);
            Set("Relais:Database:ConnectionString", _postgres.ConnectionString);
        }
        _dataFolder = dataFolder is null ? new TempFolder() : null;
        DataFolder = dataFolder ?? _dataFolder!.Path;
        Set("Relais:Database:Provider", provider.ToString());
        Set("Relais:Database:DataFolder", DataFolder);
        Set("Relais:Database:SqliteSynchronous", "NORMAL");
        Set("Relais:Startup:SeedDemo", "false");
        Set("Relais:Startup:FirstAdminEmail", "first-admin@relais.localhost");
    }

    public DatabaseProvider Provider { get; }
    public string DataFolder { get; }

    /// <summary>Why this host cannot run here, if it cannot (no PostgreSQL configured outside CI).</summary>
    public string? Unavailable => Provider != DatabaseProvider.Postgres ? null : TestPostgres.Unavailable;

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
        if (_postgres is not null)
        {
            await _postgres.CreateAsync();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        _dataFolder?.Dispose();
        GC.SuppressFinalize(this);
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

    private SqliteHost(string dataFolder)
        : base(DatabaseProvider.Sqlite, dataFolder)
    {
    }

    /// <summary>
    /// A host on an existing data folder, which it leaves in place: a restart. A factory, not a
    /// constructor, since xunit wants a class fixture to have only one public constructor.
    /// </summary>
    public static SqliteHost OnFolder(string dataFolder) => new(dataFolder);
}

public sealed class PostgresHost : RelaisHost
{
    public const string Variable = TestPostgres.Variable;

    public PostgresHost()
        : base(DatabaseProvider.Postgres)
    {
    }
}
