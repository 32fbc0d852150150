using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Campaigns;
using Relais.Organizations;
using Relais.Segments;
using Relais.Supporters;

namespace Relais.Messaging;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> e)
    {
        e.Property(m => m.Name).HasMaxLength(Message.NameMax);
        e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(m => new { m.OrganizationId, m.CreatedAt });
        e.HasIndex(m => new { m.Status, m.ScheduledAt });
        e.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId);
        e.HasOne<Segment>().WithMany().HasForeignKey(m => m.SegmentId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MessageVersionConfiguration : IEntityTypeConfiguration<MessageVersion>
{
    public void Configure(EntityTypeBuilder<MessageVersion> e)
    {
        e.HasKey(v => new { v.MessageId, v.Language });
        e.Property(v => v.Language).HasMaxLength(5);
        e.Property(v => v.Subject).HasMaxLength(MessageVersion.SubjectMax);
        e.Property(v => v.Preheader).HasMaxLength(MessageVersion.PreheaderMax);
        e.Property(v => v.Body).HasMaxLength(MessageVersion.BodyMax);
        e.HasOne<Message>().WithMany().HasForeignKey(v => v.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageRecipientConfiguration : IEntityTypeConfiguration<MessageRecipient>
{
    public void Configure(EntityTypeBuilder<MessageRecipient> e)
    {
        e.Property(r => r.Id).ValueGeneratedOnAdd();
        e.HasIndex(r => new { r.MessageId, r.SupporterId }).IsUnique();
        e.HasIndex(r => new { r.MessageId, r.Status, r.Id });
        e.HasIndex(r => new { r.SupporterId, r.SentAt });
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Error).HasMaxLength(MessageRecipient.ErrorMax);
        e.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Supporter>().WithMany().HasForeignKey(r => r.SupporterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageLinkConfiguration : IEntityTypeConfiguration<MessageLink>
{
    public void Configure(EntityTypeBuilder<MessageLink> e)
    {
        e.HasKey(l => new { l.MessageId, l.Index });
        e.Property(l => l.Url).HasMaxLength(MessageLink.UrlMax);
        e.HasOne<Message>().WithMany().HasForeignKey(l => l.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EmailTemplateConfiguration : IEntityTypeConfiguration<EmailTemplate>
{
    public void Configure(EntityTypeBuilder<EmailTemplate> e)
    {
        e.HasIndex(t => new { t.OrganizationId, t.Kind, t.ActionId, t.Language }).IsUnique();
        e.Property(t => t.Kind).HasMaxLength(50);
        e.Property(t => t.Language).HasMaxLength(5);
        e.Property(t => t.Subject).HasMaxLength(MessageVersion.SubjectMax);
        e.Property(t => t.Preheader).HasMaxLength(MessageVersion.PreheaderMax);
        e.Property(t => t.Body).HasMaxLength(MessageVersion.BodyMax);
        e.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId);
    }
}

internal sealed class EmailSettingsConfiguration : IEntityTypeConfiguration<EmailSettings>
{
    public void Configure(EntityTypeBuilder<EmailSettings> e)
    {
        e.HasKey(s => s.OrganizationId);
        e.Property(s => s.FromName).HasMaxLength(EmailSettings.FromNameMax);
        e.Property(s => s.FromAddress).HasMaxLength(EmailSettings.AddressMax);
        e.Property(s => s.ReplyTo).HasMaxLength(EmailSettings.AddressMax);
        e.Property(s => s.DkimDomain).HasMaxLength(EmailSettings.DomainMax);
        e.Property(s => s.DkimSelector).HasMaxLength(EmailSettings.SelectorMax);
        e.Property(s => s.DkimPrivateKeyPem).HasMaxLength(EmailSettings.KeyMax);
        e.HasOne<Organization>().WithOne().HasForeignKey<EmailSettings>(s => s.OrganizationId);
    }
}
