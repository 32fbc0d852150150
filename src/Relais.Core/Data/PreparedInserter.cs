using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
namespace Relais.Data;

/// <summary>
/// Inserts rows on SQLite with one prepared single-row INSERT executed once per row inside the
/// caller's transaction: SQLite runs in-process, so a statement costs no round trip, and a
/// prepared statement skips both parsing and the name lookup of thousands of parameters that
/// makes large multi-row statements slow there. Tables, columns and conversions come from the EF model.
/// </summary>
internal static class PreparedInserter
{
    public static async Task InsertAsync<T>(RelaisDb db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var type = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = type.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var text = new StringBuilder($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} (")
            .AppendJoin(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))
            .Append(") VALUES (")
            .AppendJoin(", ", properties.Select((_, i) => $"@p{i}"))
            .Append(')');
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = text.ToString();
        var mappings = properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var parameters = new DbParameter[properties.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = mappings[i].CreateParameter(command, $"@p{i}", getters[i].GetClrValue(rows[0]), properties[i].IsNullable);
            command.Parameters.Add(parameters[i]);
        }
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var value = getters[i].GetClrValue(row);
                if (mappings[i].Converter is { } converter && value is not null)
                {
                    value = converter.ConvertToProvider(value);
                }
                parameters[i].Value = value ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
