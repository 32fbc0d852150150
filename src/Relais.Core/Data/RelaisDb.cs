using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Relais.Activities;
using Relais.Campaigns;
using Relais.Channels;
using Relais.Consents;
using Relais.Groups;
using Relais.Imports;
using Relais.Ladder;
using Relais.Media;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Outbox;
using Relais.Petitions;
using Relais.Privacy;
using Relais.Segments;
using Relais.Sharing;
using Relais.Supporters;
using Relais.Tags;

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
    public DbSet<Actions.ActionWording> ActionWordings => Set<Actions.ActionWording>();
    public DbSet<Image> Images => Set<Image>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<SupporterTag> SupporterTags => Set<SupporterTag>();
    public DbSet<LocalGroup> LocalGroups => Set<LocalGroup>();
    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<ChannelMembership> ChannelMemberships => Set<ChannelMembership>();
    public DbSet<LadderLevel> LadderLevels => Set<LadderLevel>();
    public DbSet<LadderMove> LadderMoves => Set<LadderMove>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<SuppressedEmail> SuppressedEmails => Set<SuppressedEmail>();
    public DbSet<SupporterToken> SupporterTokens => Set<SupporterToken>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Import> Imports => Set<Import>();
    public DbSet<ImportRejection> ImportRejections => Set<ImportRejection>();
    public DbSet<ImportMapping> ImportMappings => Set<ImportMapping>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<MessageVersion> MessageVersions => Set<MessageVersion>();
    public DbSet<MessageRecipient> MessageRecipients => Set<MessageRecipient>();
    public DbSet<MessageLink> MessageLinks => Set<MessageLink>();
    public DbSet<EmailTemplate> EmailTemplates => Set<EmailTemplate>();
    public DbSet<EmailSettings> EmailSettings => Set<EmailSettings>();
    public DbSet<ShareKitPost> ShareKitPosts => Set<ShareKitPost>();
    public DbSet<Relays.RelayClick> RelayClicks => Set<Relays.RelayClick>();
    public DbSet<Giving.Fundraiser> Fundraisers => Set<Giving.Fundraiser>();
    public DbSet<Giving.Donation> Donations => Set<Giving.Donation>();
    public DbSet<Giving.PaymentEvent> PaymentEvents => Set<Giving.PaymentEvent>();
    public DbSet<Giving.FundraisingPage> FundraisingPages => Set<Giving.FundraisingPage>();
    public DbSet<Giving.FundraisingTeam> FundraisingTeams => Set<Giving.FundraisingTeam>();
    public DbSet<Contests.Contest> Contests => Set<Contests.Contest>();
    public DbSet<Contests.ContestEntry> ContestEntries => Set<Contests.ContestEntry>();
    public DbSet<Contests.ContestTally> ContestTallies => Set<Contests.ContestTally>();
    public DbSet<Contests.ContestDonor> ContestDonors => Set<Contests.ContestDonor>();
    public DbSet<Receipts.ReceiptSettings> ReceiptSettings => Set<Receipts.ReceiptSettings>();
    public DbSet<Receipts.ReceiptCounter> ReceiptCounters => Set<Receipts.ReceiptCounter>();
    public DbSet<Receipts.DonationReceipt> DonationReceipts => Set<Receipts.DonationReceipt>();
    public DbSet<Receipts.TaxReceipt> TaxReceipts => Set<Receipts.TaxReceipt>();
    public DbSet<Giving.OfflinePaymentSettings> OfflinePaymentSettings => Set<Giving.OfflinePaymentSettings>();

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
