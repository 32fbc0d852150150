using System.Net;
using Microsoft.EntityFrameworkCore;
using Relais.Channels;
using Relais.Groups;
using static Relais.Web.Tests.Supporters.SupporterArrange;

namespace Relais.Web.Tests.Supporters;

/// <summary>An organizer of one organization can neither see nor change another's supporters, groups or channels.</summary>
public abstract class SupportersTenantIsolationTests(RelaisHost host)
{
    [Fact]
    public async Task OtherOrganizationsOrganizer_Gets404ForSupportersGroupsAndChannels()
    {
        host.SkipIfUnavailable();
        var victim = await host.Data.OrganizationAsync("Victim");
        var victimCampaign = await host.Data.CampaignAsync(victim.Id);
        var target = await SignedAsync(host, victim, victimCampaign, Unique("victim"));
        var group = new LocalGroup { OrganizationId = victim.Id, Name = "Victim group" };
        var channel = new Channel { OrganizationId = victim.Id, Name = "Victim channel", Slug = "victim-channel" };
        await ChangeAsync(host, db =>
        {
            db.AddRange(group, channel);
            return Task.CompletedTask;
        });
        var intruder = await host.Data.OrganizationAsync("Intruder");
        var own = await SignedAsync(host, intruder, await host.Data.CampaignAsync(intruder.Id), Unique("own"));
        var browser = await host.Browser().LoginAsync(intruder.OrganizerEmail);
        var profile = $"/admin/supporters/{target.Id}";
        var ownProfile = $"/admin/supporters/{own.Id}";

        foreach (var url in new[] { profile, profile + "/edit", $"/admin/groups/{group.Id}", $"/admin/channels/{channel.Id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(url)).StatusCode);
        }
        var search = Html.Text(await (await browser.GetAsync($"/admin/supporters?q={Uri.EscapeDataString(target.Email)}")).Content.ReadAsStringAsync());
        Assert.Contains("0 supporters", search);
        foreach (var list in new[] { "/admin/supporters", "/admin/groups", "/admin/channels" })
        {
            var page = Html.Text(await (await browser.GetAsync(list)).Content.ReadAsStringAsync());
            Assert.DoesNotContain(target.Email, page);
            Assert.DoesNotContain("Victim", page);
        }
        var ownPage = Html.Text(await (await browser.GetAsync(ownProfile)).Content.ReadAsStringAsync());
        Assert.DoesNotContain("Victim group", ownPage);
        Assert.DoesNotContain("Victim channel", ownPage);

        // Forms posted with the intruder's own valid token, aimed at the victim's rows.
        Task<HttpResponseMessage> Post(string action, Dictionary<string, string> fields) => browser.SubmitAsync(ownProfile, fields, action);
        var posts = new[]
        {
            await Post(profile + "?handler=Tag", new() { ["TagName"] = "hacked" }),
            await Post(profile + "?handler=Merge", new() { ["MergeEmail"] = own.Email }),
            await Post(ownProfile + "?handler=Merge", new() { ["otherId"] = target.Id.ToString() }),
            await Post(profile + "/edit", new() { ["Input.Email"] = "hijacked@example.org", ["Input.Language"] = "fr" }),
            await Post(profile + "?handler=JoinGroup", new() { ["groupId"] = group.Id.ToString(), ["role"] = "Leader" }),
            await Post(ownProfile + "?handler=JoinGroup", new() { ["groupId"] = group.Id.ToString(), ["role"] = "Leader" }),
            await Post(ownProfile + "?handler=JoinChannel", new() { ["channelId"] = channel.Id.ToString() }),
            await Post($"/admin/groups/{group.Id}", new() { ["Input.Name"] = "Renamed" }),
            await Post($"/admin/groups/{group.Id}?handler=Delete", []),
            await Post($"/admin/channels/{channel.Id}", new() { ["Input.Name"] = "Renamed" }),
            await Post($"/admin/channels/{channel.Id}?handler=Delete", []),
        };

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.NotFound, p.StatusCode));
        var stored = await SupporterAsync(host, victim.Id, target.Email);
        Assert.Equal(target.Email, stored.Email);
        Assert.True(await host.Data.QueryAsync(db => db.Supporters.AnyAsync(s => s.Id == own.Id)));
        Assert.False(await host.Data.QueryAsync(db => db.SupporterTags.AnyAsync(t => t.SupporterId == target.Id)));
        Assert.Equal(1, await host.Data.QueryAsync(db => db.Activities.CountAsync(a => a.SupporterId == target.Id)));
        Assert.False(await host.Data.QueryAsync(db => db.GroupMemberships.AnyAsync(m => m.GroupId == group.Id)));
        Assert.False(await host.Data.QueryAsync(db => db.ChannelMemberships.AnyAsync(m => m.ChannelId == channel.Id)));
        Assert.Equal("Victim group", await host.Data.QueryAsync(db => db.LocalGroups.Where(g => g.Id == group.Id).Select(g => g.Name).SingleAsync()));
        Assert.Equal("Victim channel", await host.Data.QueryAsync(db => db.Channels.Where(c => c.Id == channel.Id).Select(c => c.Name).SingleAsync()));
    }
}

public sealed class SupportersTenantIsolationOnSqlite(SqliteHost host) : SupportersTenantIsolationTests(host), IClassFixture<SqliteHost>;

public sealed class SupportersTenantIsolationOnPostgres(PostgresHost host) : SupportersTenantIsolationTests(host), IClassFixture<PostgresHost>;
