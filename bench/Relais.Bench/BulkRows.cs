using Relais.Data;

namespace Relais.Bench;

/// <summary>Seeds rows straight into the database, in multi-row INSERTs, inside the caller's transaction.</summary>
public static class BulkRows
{
    /// <summary>
    /// Rows go in chunks of about 2,000 parameters: SQLite resolves each named parameter by a linear
    /// search of those before it, so one INSERT near its limit of 32,766 takes seconds to prepare.
    /// </summary>
    public static async Task InsertAsync<T>(RelaisDb db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var columns = db.Model.FindEntityType(typeof(T))!.GetProperties().Count();
        var size = Math.Max(1, 2_000 / columns);
        for (var i = 0; i < rows.Count; i += size)
        {
            await db.InsertAsync(rows.Skip(i).Take(size).ToList(), ct);
        }
    }
}
