using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Campaigns;
using Relais.Data;
using Relais.Organizations;
using Relais.Supporters;

namespace Relais.Drives;

/// <summary>The drive tables, reached from the context without widening it for every feature.</summary>
public static class DriveTables
{
    extension(RelaisDb db)
    {
        public DbSet<Drive> Drives => db.Set<Drive>();
        public DbSet<DriveNeed> DriveNeeds => db.Set<DriveNeed>();
        public DbSet<DropOffPoint> DropOffPoints => db.Set<DropOffPoint>();
        public DbSet<ItemPledge> ItemPledges => db.Set<ItemPledge>();
        public DbSet<DriveReception> DriveReceptions => db.Set<DriveReception>();
    }
}

internal sealed class DriveConfiguration : IEntityTypeConfiguration<Drive>
{
    public void Configure(EntityTypeBuilder<Drive> e)
    {
        e.HasIndex(d => d.CampaignId).IsUnique();
        e.HasIndex(d => d.OrganizationId);
        e.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId);
        e.HasOne(d => d.Campaign).WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(d => d.Needs).WithOne().HasForeignKey(n => n.DriveId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(d => d.Points).WithOne().HasForeignKey(p => p.DriveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DriveNeedConfiguration : IEntityTypeConfiguration<DriveNeed>
{
    public void Configure(EntityTypeBuilder<DriveNeed> e)
    {
        e.Property(n => n.Item).HasMaxLength(DriveNeed.ItemMax);
        e.Property(n => n.Unit).HasMaxLength(DriveNeed.UnitMax);
        e.Property(n => n.Period).HasConversion<string>().HasMaxLength(10);
        e.HasIndex(n => n.DriveId);
        e.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId);
    }
}

internal sealed class DropOffPointConfiguration : IEntityTypeConfiguration<DropOffPoint>
{
    public void Configure(EntityTypeBuilder<DropOffPoint> e)
    {
        e.Property(p => p.Name).HasMaxLength(DropOffPoint.NameMax);
        e.Property(p => p.Address).HasMaxLength(DropOffPoint.AddressMax);
        e.Property(p => p.City).HasMaxLength(DropOffPoint.CityMax);
        e.Property(p => p.OpeningHours).HasMaxLength(600);
        e.Property(p => p.Notes).HasMaxLength(DropOffPoint.NotesMax);
        e.HasIndex(p => p.DriveId);
        e.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId);
        e.Ignore(p => p.Hours);
    }
}

internal sealed class ItemPledgeConfiguration : IEntityTypeConfiguration<ItemPledge>
{
    public void Configure(EntityTypeBuilder<ItemPledge> e)
    {
        e.Property(p => p.Code).HasMaxLength(ItemPledge.CodeLength);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Language).HasMaxLength(10);
        e.HasIndex(p => p.Code).IsUnique();
        e.Property(p => p.IdempotencyKey).HasMaxLength(Actions.FormTokens.Length);
        e.HasIndex(p => new { p.DriveId, p.IdempotencyKey }).IsUnique();
        // The reception page and the per-need lists read a drive's pledges by need.
        e.HasIndex(p => new { p.DriveId, p.NeedId, p.DropOffDate });
        e.HasIndex(p => p.SupporterId);
        // The reminder job looks for pledges due tomorrow that have not been reminded.
        e.HasIndex(p => new { p.DropOffDate, p.ReminderSentAt });
        e.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId);
        e.HasOne<Drive>().WithMany().HasForeignKey(p => p.DriveId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<DriveNeed>().WithMany().HasForeignKey(p => p.NeedId).OnDelete(DeleteBehavior.NoAction);
        e.HasOne<DropOffPoint>().WithMany().HasForeignKey(p => p.DropOffPointId).OnDelete(DeleteBehavior.NoAction);
        e.HasOne<Supporter>().WithMany().HasForeignKey(p => p.SupporterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DriveReceptionConfiguration : IEntityTypeConfiguration<DriveReception>
{
    public void Configure(EntityTypeBuilder<DriveReception> e)
    {
        e.Property(r => r.RecordedBy).HasMaxLength(DriveReception.RecordedByMax);
        e.Property(r => r.Note).HasMaxLength(DriveReception.NoteMax);
        // A line is corrected at most once: two organizers correcting the same line at once make one correction.
        e.HasIndex(r => r.SupersedesId).IsUnique();
        e.HasIndex(r => new { r.DriveId, r.NeedId });
        e.HasIndex(r => r.PledgeId);
        e.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId);
        e.HasOne<Drive>().WithMany().HasForeignKey(r => r.DriveId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<DriveNeed>().WithMany().HasForeignKey(r => r.NeedId).OnDelete(DeleteBehavior.NoAction);
        // A pledger erased leaves the history (and the totals) as they were.
        e.HasOne<ItemPledge>().WithMany().HasForeignKey(r => r.PledgeId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<DriveReception>().WithMany().HasForeignKey(r => r.SupersedesId).OnDelete(DeleteBehavior.NoAction);
    }
}
