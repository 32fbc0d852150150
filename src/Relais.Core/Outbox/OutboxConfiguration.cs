using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Relais.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.Property(m => m.Kind).HasMaxLength(OutboxMessage.KindMax);
        e.Property(m => m.LastError).HasMaxLength(2_000);
        // Workers look for what is due and not done.
        e.HasIndex(m => new { m.CompletedAt, m.NextAttemptAt });
    }
}
