using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Activities;
using Relais.Campaigns;
using Relais.Channels;
using Relais.Consents;
using Relais.Media;
using Relais.Organizations;
using Relais.Petitions;
using Relais.Supporters;

namespace Relais.Data;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> e)
    {
        e.Property(o => o.Name).HasMaxLength(200);
        e.Property(o => o.Slug).HasMaxLength(80);
        e.HasIndex(o => o.Slug).IsUnique();
        e.Property(o => o.DefaultLanguage).HasMaxLength(8);
        e.Property(o => o.ConsentWordingFr).HasMaxLength(2_000);
        e.Property(o => o.ConsentWordingEn).HasMaxLength(2_000);
        e.Property(o => o.EmbedOrigins).HasMaxLength(Organizations.EmbedOrigins.TextMax);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> e)
    {
        e.Property(m => m.Email).HasMaxLength(EmailAddress.MaxLength);
        e.Property(m => m.NormalizedEmail).HasMaxLength(EmailAddress.MaxLength);
        // Accounts log in by email alone, so an address names one account across the whole instance.
        e.HasIndex(m => m.NormalizedEmail).IsUnique();
        e.HasIndex(m => m.OrganizationId);
        e.Property(m => m.DisplayName).HasMaxLength(200);
        e.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        e.Property(m => m.SecurityStamp).HasMaxLength(64);
        e.Property(m => m.ConcurrencyStamp).HasMaxLength(64).IsConcurrencyToken();
        e.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId);
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> e)
    {
        e.Property(c => c.Slug).HasMaxLength(CampaignCanvas.SlugMax);
        e.HasIndex(c => c.Slug).IsUnique();
        e.HasIndex(c => new { c.OrganizationId, c.IsPublished });
        e.Property(c => c.Hashtag).HasMaxLength(CampaignCanvas.HashtagMax + 1);
        e.Property(c => c.Languages).HasMaxLength(32);
        e.Ignore(c => c.LanguageList);
        e.HasMany(c => c.Texts).WithOne().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(c => c.Petition).WithOne(p => p.Campaign).HasForeignKey<Petition>(p => p.CampaignId);
        e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        e.HasOne<Image>().WithMany().HasForeignKey(c => c.HookImageId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Channel>().WithMany().HasForeignKey(c => c.ChannelId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CampaignTextConfiguration : IEntityTypeConfiguration<CampaignText>
{
    public void Configure(EntityTypeBuilder<CampaignText> e)
    {
        e.HasKey(t => new { t.CampaignId, t.Language });
        e.Property(t => t.Language).HasMaxLength(8);
        e.Property(t => t.Title).HasMaxLength(CampaignCanvas.TitleMax);
        e.Property(t => t.Ask).HasMaxLength(CampaignCanvas.ShortFieldMax);
        e.Property(t => t.Target).HasMaxLength(CampaignCanvas.ShortFieldMax);
        e.Property(t => t.TheoryOfChange).HasMaxLength(CampaignCanvas.ShortFieldMax);
        e.Property(t => t.Base).HasMaxLength(CampaignCanvas.ShortFieldMax);
        e.Property(t => t.Allies).HasMaxLength(CampaignCanvas.ShortFieldMax);
        e.Property(t => t.CallToAction).HasMaxLength(CampaignCanvas.ShortFieldMax);
        e.Property(t => t.Story).HasMaxLength(CampaignCanvas.StoryMax);
        e.Property(t => t.Hook).HasMaxLength(CampaignCanvas.ShortFieldMax);
    }
}

internal sealed class PetitionConfiguration : IEntityTypeConfiguration<Petition>
{
    public void Configure(EntityTypeBuilder<Petition> e)
    {
        e.HasIndex(p => p.CampaignId).IsUnique();
        e.HasIndex(p => p.OrganizationId);
        e.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId);
    }
}

internal sealed class SupporterConfiguration : IEntityTypeConfiguration<Supporter>
{
    public void Configure(EntityTypeBuilder<Supporter> e)
    {
        e.Property(s => s.Email).HasMaxLength(EmailAddress.MaxLength);
        e.Property(s => s.NormalizedEmail).HasMaxLength(EmailAddress.MaxLength);
        e.HasIndex(s => new { s.OrganizationId, s.NormalizedEmail }).IsUnique();
        e.Property(s => s.FirstName).HasMaxLength(SignatureForm.NameMax);
        e.Property(s => s.LastName).HasMaxLength(SignatureForm.NameMax);
        e.Property(s => s.PostalCode).HasMaxLength(SignatureForm.PostalCodeMax);
        e.Property(s => s.Country).HasMaxLength(2);
        e.Property(s => s.Language).HasMaxLength(8);
        e.Property(s => s.City).HasMaxLength(100);
        e.Property(s => s.StreetAddress).HasMaxLength(200);
        e.Property(s => s.Phone).HasMaxLength(40);
        e.Property(s => s.EmailConsent).HasConversion<string>().HasMaxLength(12);
        e.HasIndex(s => new { s.OrganizationId, s.LadderRank });
        e.HasIndex(s => new { s.OrganizationId, s.LastActiveAt });
        e.HasIndex(s => new { s.OrganizationId, s.Country, s.PostalCode });
        e.Property(s => s.RelayBoardName).HasMaxLength(Relays.RelayBoardNames.MaxLength);
        e.HasIndex(s => new { s.OrganizationId, s.ReferredById });
        e.Ignore(s => s.FullName);
        e.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> e)
    {
        e.Property(a => a.Type).HasConversion<string>().HasMaxLength(20);
        e.Property(a => a.Comment).HasMaxLength(SignatureForm.CommentMax);
        e.Property(a => a.Source).HasMaxLength(200);
        // One signature per supporter and petition, whatever races between web nodes.
        e.HasIndex(a => new { a.ActionId, a.SupporterId })
            .IsUnique()
            .HasFilter("\"Type\" = 'Signed'")
            .HasDatabaseName("UX_Activities_Signed_Once");
        // A relay is credited once for each person they brought to an action.
        e.HasIndex(a => new { a.SupporterId, a.ReferredSupporterId, a.ActionId })
            .IsUnique()
            .HasFilter("\"Type\" = 'Referred'")
            .HasDatabaseName("UX_Activities_Referred_Once");
        e.HasIndex(a => new { a.ActionId, a.Type, a.OccurredAt });
        // Segments ask "who did X in this period": the index answers without touching the table.
        e.HasIndex(a => new { a.OrganizationId, a.Type, a.OccurredAt, a.SupporterId });
        e.HasIndex(a => new { a.SupporterId, a.OccurredAt });
        e.HasIndex(a => new { a.OrganizationId, a.OccurredAt });
        e.HasOne<Supporter>().WithMany().HasForeignKey(a => a.SupporterId);
        e.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId);
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> e)
    {
        e.Property(c => c.Purpose).HasMaxLength(64);
        e.Property(c => c.Wording).HasMaxLength(2_000);
        e.Property(c => c.Language).HasMaxLength(8);
        e.Property(c => c.Source).HasMaxLength(200);
        e.HasIndex(c => new { c.SupporterId, c.Purpose, c.RecordedAt });
        e.HasOne<Supporter>().WithMany().HasForeignKey(c => c.SupporterId);
        e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
    }
}

internal sealed class ImageConfiguration : IEntityTypeConfiguration<Image>
{
    public void Configure(EntityTypeBuilder<Image> e)
    {
        e.Property(i => i.ContentType).HasMaxLength(40);
        e.HasIndex(i => i.OrganizationId);
        e.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
    }
}
