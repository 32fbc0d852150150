using Microsoft.EntityFrameworkCore.Design;
using Relais.Data;

namespace Relais.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for PostgreSQL; it never connects.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RelaisDb>
{
    public RelaisDb CreateDbContext(string[] args) =>
        RelaisDatabase.Open(new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = "Host=127.0.0.1;Database=relais_design;Username=relais",
        });
}
