using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Relais.Data;

/// <summary>
/// Inserts many rows of one entity with a single INSERT statement, inside the context's current
/// transaction. Tables, columns and value conversions come from the EF model, so the rows are
/// stored exactly as SaveChanges would store them, on either provider, without change tracking
/// (which costs more than the database on the signature hot path).
/// </summary>
public static class RowInserter
{
    private sealed record Shape(string Prefix, IReadOnlyList<IProperty> Properties);

    private static readonly ConcurrentDictionary<IEntityType, Shape> Shapes = new();

    public static async Task InsertAsync<T>(this RelaisDb db, IReadOnlyCollection<T> rows, CancellationToken ct = default)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not mapped.");
        var shape = Shapes.GetOrAdd(entityType, type => Describe(type, db.GetService<ISqlGenerationHelper>()));
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are inserted inside the caller's transaction.");
        var sql = new StringBuilder(shape.Prefix);
        var index = 0;
        foreach (var row in rows)
        {
            sql.Append(index == 0 ? "(" : ", (");
            for (var p = 0; p < shape.Properties.Count; p++)
            {
                var property = shape.Properties[p];
                var name = $"@p{index}_{p}";
                sql.Append(p == 0 ? name : ", " + name);
                var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
                command.Parameters.Add(mapping.CreateParameter(command, name, property.GetGetter().GetClrValue(row), property.IsNullable));
            }
            sql.Append(')');
            index++;
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(ct);
    }

    private static Shape Describe(IEntityType type, ISqlGenerationHelper sql)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = type.GetProperties().ToList();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        return new Shape($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ", properties);
    }
}
