using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Relais.Data;

/// <summary>
/// Sets SQLite's per-connection pragmas: write-ahead log so readers never wait for the writer,
/// and a busy timeout so a second writer waits instead of failing.
/// </summary>
internal sealed class SqlitePragmas(string synchronous) : DbConnectionInterceptor
{
    private readonly string _sql =
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous={Checked(synchronous)}; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Checked(string value) =>
        value.ToUpperInvariant() is "OFF" or "NORMAL" or "FULL" or "EXTRA"
            ? value.ToUpperInvariant()
            : throw new ArgumentException($"Unknown SQLite synchronous mode '{value}'.", nameof(value));
}
