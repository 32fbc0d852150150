using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Relais.Data;

/// <summary>The one seam where the two database providers differ.</summary>
public static class RelaisDatabase
{
    public const string SqliteMigrationsAssembly = "Relais.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Relais.Migrations.Postgres";

    public static IServiceCollection AddRelaisDb(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddDbContextFactory<RelaisDb>(db => Configure(db, options));
        services.AddDbContext<RelaisDb>(db => Configure(db, options), optionsLifetime: ServiceLifetime.Singleton);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        var connectionString = options.ResolveConnectionString();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                Directory.CreateDirectory(Path.GetFullPath(options.DataFolder));
                builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                builder.AddInterceptors(new SqlitePragmas(options.SqliteSynchronous));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(connectionString, pg => pg.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider.");
        }
    }

    public static RelaisDb Open(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<RelaisDb>();
        Configure(builder, options);
        return new RelaisDb(builder.Options);
    }
}
