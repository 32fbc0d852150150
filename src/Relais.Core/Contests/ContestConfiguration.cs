using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Giving;
using Relais.Organizations;

namespace Relais.Contests;

internal sealed class ContestConfiguration : IEntityTypeConfiguration<Contest>
{
    public void Configure(EntityTypeBuilder<Contest> e)
    {
        e.Property(c => c.Slug).HasMaxLength(80);
        e.Property(c => c.Title).HasMaxLength(200);
        e.Property(c => c.Currency).HasMaxLength(3);
        e.Property(c => c.JoinCode).HasMaxLength(20);
        e.Property(c => c.EntryKind).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(c => c.Slug).IsUnique();
        e.HasIndex(c => c.JoinCode).IsUnique();
        e.HasIndex(c => c.OrganizationId);
        e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        e.Ignore(c => c.Period);
    }
}

internal sealed class ContestEntryConfiguration : IEntityTypeConfiguration<ContestEntry>
{
    public void Configure(EntityTypeBuilder<ContestEntry> e)
    {
        e.Property(x => x.DisplayName).HasMaxLength(200);
        // A fundraiser or team enters a contest once.
        e.HasIndex(x => new { x.ContestId, x.FundraiserId }).IsUnique();
        e.HasIndex(x => new { x.ContestId, x.TeamId }).IsUnique();
        e.HasIndex(x => x.FundraiserId);
        e.HasIndex(x => x.TeamId);
        e.HasIndex(x => x.OrganizationId);
        e.HasOne<Contest>().WithMany().HasForeignKey(x => x.ContestId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
        e.HasOne<Fundraiser>().WithMany().HasForeignKey(x => x.FundraiserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<FundraisingTeam>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContestTallyConfiguration : IEntityTypeConfiguration<ContestTally>
{
    public void Configure(EntityTypeBuilder<ContestTally> e)
    {
        e.HasKey(t => new { t.EntryId, t.Board });
        // The board reads one contest's tallies in rank order.
        e.HasIndex(t => new { t.ContestId, t.Board, t.AmountMinor });
        e.HasIndex(t => new { t.ContestId, t.Board, t.DonorCount });
        e.HasOne<ContestEntry>().WithMany().HasForeignKey(t => t.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContestDonorConfiguration : IEntityTypeConfiguration<ContestDonor>
{
    public void Configure(EntityTypeBuilder<ContestDonor> e)
    {
        e.HasKey(d => new { d.EntryId, d.Board, d.SupporterId });
        e.HasOne<ContestEntry>().WithMany().HasForeignKey(d => d.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
