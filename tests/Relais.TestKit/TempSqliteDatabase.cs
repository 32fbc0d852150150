using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Relais.Data;

namespace Relais.TestKit;

/// <summary>A real SQLite database in a temporary file, migrated, deleted on dispose.</summary>
public sealed class TempSqliteDatabase : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"relais-demo-{Guid.NewGuid():N}.db");

    public RelaisDb Open() => RelaisDatabase.Open(new DatabaseOptions
    {
        Provider = DatabaseProvider.Sqlite,
        ConnectionString = $"Data Source={_path}",
        DataFolder = Path.GetTempPath(),
    });

    public async Task<RelaisDb> OpenMigratedAsync()
    {
        var db = Open();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return db;
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so it can be deleted.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
        return ValueTask.CompletedTask;
    }
}
