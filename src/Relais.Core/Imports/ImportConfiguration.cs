using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Organizations;

namespace Relais.Imports;

internal sealed class ImportConfiguration : IEntityTypeConfiguration<Import>
{
    public void Configure(EntityTypeBuilder<Import> e)
    {
        e.Property(i => i.FileName).HasMaxLength(255);
        e.Property(i => i.StoredPath).HasMaxLength(500);
        e.Property(i => i.Format).HasMaxLength(10);
        e.Property(i => i.Encoding).HasMaxLength(30);
        e.Property(i => i.Delimiter).HasMaxLength(4);
        e.Property(i => i.Mapping).HasMaxLength(8_000);
        e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.TagName).HasMaxLength(100);
        e.Property(i => i.ConsentSource).HasMaxLength(500);
        e.Property(i => i.Error).HasMaxLength(2_000);
        e.HasIndex(i => new { i.OrganizationId, i.CreatedAt });
        e.HasIndex(i => i.Status);
        e.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
    }
}

internal sealed class ImportRejectionConfiguration : IEntityTypeConfiguration<ImportRejection>
{
    public void Configure(EntityTypeBuilder<ImportRejection> e)
    {
        e.HasKey(r => new { r.ImportId, r.RowNumber });
        e.Property(r => r.Reason).HasMaxLength(500);
        e.Property(r => r.Raw).HasMaxLength(2_000);
        e.HasOne<Import>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportMappingConfiguration : IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportMapping> e)
    {
        e.HasKey(m => new { m.OrganizationId, m.HeaderSignature });
        e.Property(m => m.HeaderSignature).HasMaxLength(64);
        e.Property(m => m.Mapping).HasMaxLength(8_000);
        e.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId);
    }
}
