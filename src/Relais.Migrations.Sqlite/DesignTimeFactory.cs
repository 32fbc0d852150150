using Microsoft.EntityFrameworkCore.Design;
using Relais.Data;

namespace Relais.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for SQLite without the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RelaisDb>
{
    public RelaisDb CreateDbContext(string[] args) =>
        RelaisDatabase.Open(new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = "Data Source=:memory:",
        });
}
