using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Relais.Activities;
using Relais.Campaigns;
using Relais.Consents;
using Relais.Media;
using Relais.Organizations;
using Relais.Petitions;
using Relais.Supporters;

namespace Relais.Data;

public sealed class RelaisDb(DbContextOptions<RelaisDb> options) : DbContext(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignText> CampaignTexts => Set<CampaignText>();
    public DbSet<Petition> Petitions => Set<Petition>();
    public DbSet<Supporter> Supporters => Set<Supporter>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<Image> Images => Set<Image>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no timestamp type and cannot order text-stored offsets; UTC ticks sort and compare.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RelaisDb).Assembly);
}
