using System.ComponentModel.DataAnnotations;

namespace Relais.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Settings under "Relais:Database" (env: Relais__Database__Provider, …).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Relais:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For PostgreSQL, required. For SQLite, optional: defaults to relais.db in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Where the SQLite database and the data protection keys live: by default the user's data
    /// folder (~/.local/share/relais), so that the web host and the `relais` command share it
    /// whatever folder they are started from.
    /// </summary>
    [Required]
    public string DataFolder { get; set; } = DefaultDataFolder();

    public static string DefaultDataFolder()
    {
        var userData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return string.IsNullOrEmpty(userData) ? "data" : Path.Combine(userData, "relais");
    }

    /// <summary>
    /// SQLite's synchronous pragma. FULL makes every acknowledged commit survive a power cut;
    /// NORMAL survives a process crash only, and is faster on slow disks.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "FULL";

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }
        if (Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "Relais:Database:ConnectionString is required when Relais:Database:Provider is Postgres.");
        }
        return $"Data Source={Path.Combine(Path.GetFullPath(DataFolder), "relais.db")}";
    }
}
