using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Activities;
using Relais.Messaging;
using Relais.Supporters;

namespace Relais.Web.Tests.Automations;

/// <summary>Counted clicks and opens (/m/…) and the statistics page of a message.</summary>
public abstract class MessageStatsTests(RelaisHost host)
{
    [Fact]
    public async Task Click_SignedToken_RecordedOnceAndRedirected_ForgedTokenOrIndex404()
    {
        host.SkipIfUnavailable();
        var world = await ArrangeAsync(trackOpens: false, recipients: 2);
        var links = host.Services.GetRequiredService<RecipientLinks>();
        var token = links.RecipientToken(world.RecipientIds[0]);
        var browser = host.Browser();

        var first = await browser.GetAsync($"/m/{token}/1");
        var again = await browser.GetAsync($"/m/{token}/1");
        var other = await browser.GetAsync($"/m/{token}/0");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("https://example.org/two?a=1&b=2", first.Headers.Location!.AbsoluteUri);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("https://example.org/one", other.Headers.Location!.AbsoluteUri);
        var clickCounts = await host.Data.QueryAsync(db => db.MessageLinks.Where(l => l.MessageId == world.MessageId).OrderBy(l => l.Index).Select(l => l.ClickCount).ToListAsync());
        Assert.Equal([1, 2], clickCounts);
        var recipient = await host.Data.QueryAsync(db => db.MessageRecipients.SingleAsync(r => r.Id == world.RecipientIds[0]));
        Assert.NotNull(recipient.ClickedAt);
        Assert.Equal(1, await host.Data.QueryAsync(db => db.Activities.CountAsync(a => a.SupporterId == recipient.SupporterId && a.Type == ActivityType.Clicked)));
        var supporter = await host.Data.QueryAsync(db => db.Supporters.SingleAsync(s => s.Id == recipient.SupporterId));
        Assert.True(supporter.LastActiveAt > DateTimeOffset.UtcNow.AddMinutes(-1));

        var forged = token[..^2] + (token[^1] == 'A' ? "BB" : "AA");
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/m/{forged}/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/m/{world.RecipientIds[1]}.x/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/m/{token}/7")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/m/{links.RecipientToken(999_999_999)}/0")).StatusCode);
        Assert.Null((await host.Data.QueryAsync(db => db.MessageRecipients.SingleAsync(r => r.Id == world.RecipientIds[1]))).ClickedAt);
    }

    [Fact]
    public async Task OpenPixel_RecordedOnlyWhenTheMessageCountsOpens()
    {
        host.SkipIfUnavailable();
        var counted = await ArrangeAsync(trackOpens: true, recipients: 1);
        var uncounted = await ArrangeAsync(trackOpens: false, recipients: 1);
        var links = host.Services.GetRequiredService<RecipientLinks>();
        var browser = host.Browser();

        var pixel = await browser.GetAsync(new Uri(links.OpenPixel(counted.RecipientIds[0])).PathAndQuery);
        await browser.GetAsync(new Uri(links.OpenPixel(counted.RecipientIds[0])).PathAndQuery);
        var ignored = await browser.GetAsync(new Uri(links.OpenPixel(uncounted.RecipientIds[0])).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, pixel.StatusCode);
        Assert.Equal("image/gif", pixel.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("GIF89a", System.Text.Encoding.ASCII.GetString(await pixel.Content.ReadAsByteArrayAsync())[..6]);
        Assert.Equal(HttpStatusCode.OK, ignored.StatusCode);
        Assert.NotNull((await host.Data.QueryAsync(db => db.MessageRecipients.SingleAsync(r => r.Id == counted.RecipientIds[0]))).OpenedAt);
        Assert.Null((await host.Data.QueryAsync(db => db.MessageRecipients.SingleAsync(r => r.Id == uncounted.RecipientIds[0]))).OpenedAt);
        Assert.Equal(1, await host.Data.QueryAsync(db => db.Activities.CountAsync(a => a.OrganizationId == counted.OrganizationId && a.Type == ActivityType.Opened)));
        Assert.Equal(0, await host.Data.QueryAsync(db => db.Activities.CountAsync(a => a.OrganizationId == uncounted.OrganizationId && a.Type == ActivityType.Opened)));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/m/1.forged/open.gif")).StatusCode);
    }

    [Fact]
    public async Task Stats_SentBouncedClicksAndActionsInTheWindow_CountedForMembersOfTheOrganizationOnly()
    {
        host.SkipIfUnavailable();
        var world = await ArrangeAsync(trackOpens: true, recipients: 5);
        var sentAt = DateTimeOffset.UtcNow.AddDays(-10);
        var ids = world.RecipientIds;
        var supporters = world.SupporterIds;
        var campaign = await host.Data.CampaignAsync(world.OrganizationId);
        await host.Data.QueryAsync(async db =>
        {
            await db.MessageRecipients.Where(r => r.Id == ids[0] || r.Id == ids[1] || r.Id == ids[2])
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Sent).SetProperty(r => r.SentAt, sentAt));
            // The third copy's sender died before the server confirmed it.
            await db.MessageRecipients.Where(r => r.Id == ids[0] || r.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(r => r.AcceptedAt, sentAt));
            await db.MessageRecipients.Where(r => r.Id == ids[3]).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Bounced));
            await db.MessageRecipients.Where(r => r.Id == ids[4]).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Skipped));
            await db.MessageRecipients.Where(r => r.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClickedAt, sentAt.AddHours(1)).SetProperty(r => r.OpenedAt, sentAt.AddHours(1)));
            await db.MessageLinks.Where(l => l.MessageId == world.MessageId && l.Index == 1).ExecuteUpdateAsync(s => s.SetProperty(l => l.ClickCount, 4));
            await db.Messages.Where(m => m.Id == world.MessageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.UnsubscribedCount, 1).SetProperty(m => m.AttributionDays, 3).SetProperty(m => m.Status, MessageStatus.Sent));
            db.Activities.AddRange(
                Action(world.OrganizationId, supporters[0], campaign, sentAt.AddDays(1)),   // counted
                Action(world.OrganizationId, supporters[0], campaign, sentAt.AddDays(2.9)), // counted, same person
                Action(world.OrganizationId, supporters[1], campaign, sentAt.AddDays(3.1)), // after the window
                Action(world.OrganizationId, supporters[2], campaign, sentAt.AddHours(-1)), // before it was sent
                Action(world.OrganizationId, supporters[3], campaign, sentAt.AddDays(1)),   // bounced: never received it
                new Activity { OrganizationId = world.OrganizationId, SupporterId = supporters[2], Type = ActivityType.Clicked, OccurredAt = sentAt.AddDays(1) });
            return await db.SaveChangesAsync();
        });
        var member = await host.Browser().LoginAsync(world.Organization.ViewerEmail);

        var page = await member.GetAsync($"/admin/messages/{world.MessageId}/stats");

        Assert.True(page.StatusCode == HttpStatusCode.OK, host.Errors.ToString());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<svg", html);
        Assert.Equal("3", Value(html, "stat-sent"));
        Assert.Equal("1", Value(html, "stat-bounced"));
        Assert.Equal("1", Value(html, "stat-skipped"));
        Assert.Equal("1", Value(html, "stat-unsubscribed"));
        Assert.Equal("1", Value(html, "stat-clickers"));
        Assert.Equal("1", Value(html, "stat-openers"));
        Assert.Equal("1", Value(html, "stat-acting"));
        Assert.Equal("2", Value(html, "stat-actions"));
        Assert.Equal("4", Value(html, "link-1"));
        Assert.Contains("approximate", html);
        Assert.Contains("<p class=\"hint\" id=\"unconfirmed\">1 copies were handed", html);

        var intruder = await host.Data.OrganizationAsync();
        var stranger = await host.Browser().LoginAsync(intruder.OrganizerEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/admin/messages/{world.MessageId}/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await host.Browser().GetAsync($"/admin/messages/{world.MessageId}/stats")).StatusCode);
    }

    private static string Value(string html, string id)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, $"id=\"{id}\">.*?data-value=\"(\\d+)\"");
        Assert.True(match.Success, $"No {id} in the page.");
        return match.Groups[1].Value;
    }

    private static Activity Action(Guid organizationId, Guid supporterId, SeededCampaign campaign, DateTimeOffset at) => new()
    {
        OrganizationId = organizationId,
        SupporterId = supporterId,
        Type = ActivityType.Donated,
        CampaignId = campaign.Id,
        ActionId = campaign.PetitionId,
        OccurredAt = at,
    };

    private sealed record World(SeededOrganization Organization, Guid MessageId, List<long> RecipientIds, List<Guid> SupporterIds)
    {
        public Guid OrganizationId => Organization.Id;
    }

    private async Task<World> ArrangeAsync(bool trackOpens, int recipients)
    {
        var organization = await host.Data.OrganizationAsync();
        var message = new Message { OrganizationId = organization.Id, Name = "Update <1>", TrackClicks = true, TrackOpens = trackOpens, Status = MessageStatus.Sending };
        var people = Enumerable.Range(0, recipients).Select(i => new Supporter
        {
            OrganizationId = organization.Id,
            Email = $"stats-{i}-{organization.Slug}@example.org",
            NormalizedEmail = $"stats-{i}-{organization.Slug}@example.org",
            LastActiveAt = DateTimeOffset.UtcNow.AddYears(-1),
        }).ToList();
        var rows = people.Select(p => new MessageRecipient { MessageId = message.Id, SupporterId = p.Id }).ToList();
        await host.Data.QueryAsync(db =>
        {
            db.Messages.Add(message);
            db.Supporters.AddRange(people);
            db.MessageLinks.AddRange(
                new MessageLink { MessageId = message.Id, Index = 0, Url = "https://example.org/one" },
                new MessageLink { MessageId = message.Id, Index = 1, Url = "https://example.org/two?a=1&b=2" });
            db.MessageRecipients.AddRange(rows);
            return db.SaveChangesAsync();
        });
        return new World(organization, message.Id, rows.Select(r => r.Id).ToList(), people.Select(p => p.Id).ToList());
    }
}

public sealed class MessageStatsOnSqlite(SqliteHost host) : MessageStatsTests(host), IClassFixture<SqliteHost>;

public sealed class MessageStatsOnPostgres(PostgresHost host) : MessageStatsTests(host), IClassFixture<PostgresHost>;
