using Microsoft.Data.Sqlite;
using Npgsql;

namespace Relais.TestKit;

/// <summary>
/// A fresh folder under the temp directory (a data folder, a pickup folder, a file to import),
/// deleted on dispose, or left in place when <see cref="Keep"/> says so.
/// </summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "relais-test-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    /// <summary>Leaves the folder in place on dispose.</summary>
    public bool Keep { get; init; }

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (!Keep)
        {
            Delete(Path);
        }
    }

    /// <summary>
    /// Deletes a folder a database may have used: pooled connections keep its files open, so they
    /// are released first; a file still held open (a finishing background job, a dying process)
    /// does not fail the run, the temp cleaner takes it.
    /// </summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Still open; it is under the temp directory.
        }
    }
}
