using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Activities;
using Relais.Messaging;

namespace Relais.Web.Tests.Delivery;

public abstract class RecipientValuesTests(RelaisHost host)
{
    [Fact]
    public async Task Load_ManySupporters_MergeValuesPerPerson()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id, goal: 1_000);
        var higher = await host.Data.CampaignAsync(organization.Id);
        await host.Data.QueryAsync(async db =>
        {
            await db.Petitions.Where(p => p.Id == campaign.PetitionId).ExecuteUpdateAsync(s => s.SetProperty(p => p.SignatureCount, 1_234));
            return await db.Petitions.Where(p => p.Id == higher.PetitionId).ExecuteUpdateAsync(s => s.SetProperty(p => p.LadderRank, 3));
        });
        var english = DeliveryArrange.Person(organization.Id, language: "en", rank: 0);
        english.FirstName = "Ada";
        var french = DeliveryArrange.Person(organization.Id, language: "fr", rank: 0);
        var top = DeliveryArrange.Person(organization.Id, rank: 5);
        var erased = DeliveryArrange.Person(organization.Id);
        erased.ErasedAt = DateTimeOffset.UtcNow;
        var other = await host.Data.OrganizationAsync();
        var stranger = DeliveryArrange.Person(other.Id);
        await host.Data.PeopleAsync([english, french, top, erased, stranger]);
        // The French supporter already signed the rank-2 petition: their next step is the rank-3 one.
        await host.Data.QueryAsync(async db =>
        {
            db.Activities.Add(new Activity { OrganizationId = organization.Id, SupporterId = french.Id, Type = ActivityType.Signed, CampaignId = campaign.Id, ActionId = campaign.PetitionId });
            return await db.SaveChangesAsync();
        });
        var messageId = Guid.NewGuid();

        await using var scope = host.Services.CreateAsyncScope();
        var values = scope.ServiceProvider.GetRequiredService<RecipientValues>();
        var recipients = (await values.LoadAsync(organization.Id, campaign.Id, messageId, [english.Id, french.Id, top.Id, erased.Id, stranger.Id], CancellationToken.None))
            .ToDictionary(r => r.SupporterId);

        Assert.Equal(new[] { english.Id, french.Id, top.Id }.Order(), recipients.Keys.Order());
        var en = recipients[english.Id];
        Assert.Equal(english.Email, en.Email);
        Assert.Equal("en", en.Language);
        Assert.Equal("Ada", en.Values.FirstName);
        Assert.Equal("Last", en.Values.LastName);
        Assert.EndsWith("/c/" + campaign.Slug + "?ref=" + RelayCode.For(english.Id), en.Values.RelayLink);
        Assert.EndsWith("/c/" + campaign.Slug, en.Values.CampaignLink);
        Assert.Equal("Title " + campaign.Slug, en.Values.CampaignTitle);
        Assert.Equal("1,234", en.Values.Counter);
        Assert.Equal("2,000", en.Values.Goal);
        Assert.Equal("Title " + campaign.Slug, en.Values.NextStep);
        Assert.EndsWith("/c/" + campaign.Slug, en.Values.NextStepLink);
        var links = scope.ServiceProvider.GetRequiredService<RecipientLinks>();
        Assert.Equal(links.Unsubscribe(english.Id, messageId), en.Values.UnsubscribeLink);
        Assert.Equal(links.Preferences(english.Id, messageId), en.Values.PreferencesLink);
        Assert.True(links.TryReadUnsubscribe(new Uri(en.Values.UnsubscribeLink).AbsolutePath[3..], out var who, out var which));
        Assert.Equal((english.Id, (Guid?)messageId), (who, which));

        var fr = recipients[french.Id];
        Assert.Equal("fr", fr.Language);
        Assert.Equal(1_234.ToString("N0", CultureInfo.GetCultureInfo("fr")), fr.Values.Counter);
        Assert.Equal("Titre " + campaign.Slug, fr.Values.CampaignTitle);
        Assert.Equal("Titre " + higher.Slug, fr.Values.NextStep);
        Assert.EndsWith("/c/" + higher.Slug, fr.Values.NextStepLink);

        Assert.Equal("", recipients[top.Id].Values.NextStep);
        Assert.Equal("", recipients[top.Id].Values.NextStepLink);
    }

    [Fact]
    public async Task Load_NoCampaign_CampaignFieldsEmpty()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var person = (await host.Data.PeopleAsync([DeliveryArrange.Person(organization.Id)]))[0];

        await using var scope = host.Services.CreateAsyncScope();
        var recipients = await scope.ServiceProvider.GetRequiredService<RecipientValues>()
            .LoadAsync(organization.Id, null, null, [person.Id], CancellationToken.None);

        var recipient = Assert.Single(recipients);
        Assert.Equal("", recipient.Values.RelayLink);
        Assert.Equal("", recipient.Values.Counter);
        Assert.Equal("", recipient.Values.CampaignTitle);
        Assert.NotEqual("", recipient.Values.UnsubscribeLink);
    }
}

public sealed class RecipientValuesOnSqlite(SqliteHost host) : RecipientValuesTests(host), IClassFixture<SqliteHost>;

public sealed class RecipientValuesOnPostgres(PostgresHost host) : RecipientValuesTests(host), IClassFixture<PostgresHost>;
