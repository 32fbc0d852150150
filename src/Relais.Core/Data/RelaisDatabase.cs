using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Relais.Data;

/// <summary>The one seam where the two database providers differ.</summary>
public static class RelaisDatabase
{
    public const string SqliteMigrationsAssembly = "Relais.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Relais.Migrations.Postgres";

    /// <summary>
    /// Registers the context with the <see cref="DatabaseOptions"/> the host binds, read when first
    /// needed so that configuration added late (tests, command-line verbs) still applies.
    /// </summary>
    public static IServiceCollection AddRelaisDb(this IServiceCollection services)
    {
        // Pooled: the signature intake and every page reuse contexts instead of building one per unit of work.
        services.AddPooledDbContextFactory<RelaisDb>((sp, db) => Configure(db, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<RelaisDb>>().CreateDbContext());
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
