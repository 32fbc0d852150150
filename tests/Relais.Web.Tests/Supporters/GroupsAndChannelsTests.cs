using System.Net;
using Microsoft.EntityFrameworkCore;
using Relais.Channels;
using Relais.Groups;
using static Relais.Web.Tests.Supporters.SupporterArrange;

namespace Relais.Web.Tests.Supporters;

/// <summary>Local groups and channels: created, renamed, deleted, joined by organizers and by signing.</summary>
public abstract class GroupsAndChannelsTests(RelaisHost host)
{
    [Fact]
    public async Task Groups_CreateRenameJoinDelete_WithDuplicateNamesRefused()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var supporter = await SignedAsync(host, organization, campaign, Unique("grouped"));
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);
        static Dictionary<string, string> Group(string name, string country = "FR") => new()
        {
            ["Input.Name"] = name,
            ["Input.Place"] = "Lyon 7e",
            ["Input.Country"] = country,
            ["Input.PostalCodePrefix"] = "69",
        };

        var created = await browser.SubmitAsync("/admin/groups", Group("Lyon"));
        var duplicate = await browser.SubmitAsync("/admin/groups", Group("Lyon"));
        var badCountry = await browser.SubmitAsync("/admin/groups", Group("Grenoble", "XX"));
        var paris = await browser.SubmitAsync("/admin/groups", Group("Paris"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("Another local group of your organization already has this name.", Html.Text(await duplicate.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, badCountry.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, paris.StatusCode);
        var lyonUrl = created.Headers.Location!.OriginalString;
        var parisUrl = paris.Headers.Location!.OriginalString;
        var lyon = await host.Data.QueryAsync(db => db.LocalGroups.SingleAsync(g => g.OrganizationId == organization.Id && g.Name == "Lyon"));
        Assert.Equal(("Lyon 7e", "FR", "69"), (lyon.Place, lyon.Country, lyon.PostalCodePrefix));

        var renameToTaken = await browser.SubmitAsync(parisUrl, Group("Lyon"));
        var rename = await browser.SubmitAsync(parisUrl, Group("Paris 11e"));

        Assert.Equal(HttpStatusCode.BadRequest, renameToTaken.StatusCode);
        Assert.Contains("Another local group of your organization already has this name.", Html.Text(await renameToTaken.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);
        Assert.Equal(["Lyon", "Paris 11e"], await host.Data.QueryAsync(db => db.LocalGroups.Where(g => g.OrganizationId == organization.Id).Select(g => g.Name).OrderBy(n => n).ToListAsync()));

        var profile = $"/admin/supporters/{supporter.Id}";
        var join = await browser.SubmitAsync(profile, new Dictionary<string, string> { ["groupId"] = lyon.Id.ToString(), ["role"] = "Member" }, profile + "?handler=JoinGroup");
        var promote = await browser.SubmitAsync(profile, new Dictionary<string, string> { ["groupId"] = lyon.Id.ToString(), ["role"] = "Leader" }, profile + "?handler=JoinGroup");

        var badRole = await browser.SubmitAsync(profile, new Dictionary<string, string> { ["groupId"] = lyon.Id.ToString(), ["role"] = "Owner" }, profile + "?handler=JoinGroup");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (join.StatusCode, promote.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        var membership = await host.Data.QueryAsync(db => db.GroupMemberships.SingleAsync(m => m.SupporterId == supporter.Id));
        Assert.Equal((lyon.Id, GroupRole.Leader), (membership.GroupId, membership.Role));
        var list = Html.Text(await (await browser.GetAsync("/admin/groups")).Content.ReadAsStringAsync());
        Assert.Matches(@"Lyon</a></td>\s*<td>Lyon 7e</td>\s*<td>France</td>\s*<td>69</td>\s*<td class=""num"">1</td>\s*<td class=""num"">1</td>", list);
        var members = Html.Text(await (await browser.GetAsync(lyonUrl)).Content.ReadAsStringAsync());
        Assert.Contains(supporter.Email, members);
        Assert.Contains("1 members", members);

        var leave = await browser.SubmitAsync(profile, new Dictionary<string, string> { ["groupId"] = lyon.Id.ToString() }, profile + "?handler=LeaveGroup");
        Assert.Equal(HttpStatusCode.Redirect, leave.StatusCode);
        Assert.False(await host.Data.QueryAsync(db => db.GroupMemberships.AnyAsync(m => m.SupporterId == supporter.Id)));
        await browser.SubmitAsync(profile, new Dictionary<string, string> { ["groupId"] = lyon.Id.ToString(), ["role"] = "Member" }, profile + "?handler=JoinGroup");

        var delete = await browser.SubmitAsync(lyonUrl, [], lyonUrl + "?handler=Delete");

        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.False(await host.Data.QueryAsync(db => db.LocalGroups.AnyAsync(g => g.Id == lyon.Id)));
        Assert.False(await host.Data.QueryAsync(db => db.GroupMemberships.AnyAsync(m => m.GroupId == lyon.Id)));
        Assert.Equal(1, await host.Data.SupportersAsync(organization.Id));
    }

    [Fact]
    public async Task Channels_CreateEditJoinDelete_WithDuplicateNamesAndAddressesRefused()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var supporter = await SignedAsync(host, organization, campaign, Unique("channelled"));
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);
        static Dictionary<string, string> Channel(string name, string slug = "") => new()
        {
            ["Input.Name"] = name,
            ["Input.Slug"] = slug,
            ["Input.Country"] = "DZ",
            ["Input.Topic"] = "<b>Press</b>",
            ["Input.Description"] = "Journalists",
            ["Input.OpenToChoice"] = "false",
        };

        var created = await browser.SubmitAsync("/admin/channels", Channel("Presse Algérie"));
        var sameName = await browser.SubmitAsync("/admin/channels", Channel("Presse Algérie", "other-address"));
        var sameSlug = await browser.SubmitAsync("/admin/channels", Channel("Another name", "presse-algerie"));
        var badSlug = await browser.SubmitAsync("/admin/channels", Channel("Third", "Not a slug!"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var channel = await host.Data.QueryAsync(db => db.Channels.SingleAsync(c => c.OrganizationId == organization.Id));
        Assert.Equal(("presse-algerie", "DZ", "<b>Press</b>", false), (channel.Slug, channel.Country, channel.Topic, channel.OpenToChoice));
        Assert.Equal(HttpStatusCode.BadRequest, sameName.StatusCode);
        Assert.Contains("Another channel of your organization already has this name.", Html.Text(await sameName.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, sameSlug.StatusCode);
        Assert.Contains("Another channel of your organization already uses this address.", Html.Text(await sameSlug.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, badSlug.StatusCode);
        Assert.Equal(1, await host.Data.QueryAsync(db => db.Channels.CountAsync(c => c.OrganizationId == organization.Id)));

        var url = created.Headers.Location!.OriginalString;
        var edit = await browser.SubmitAsync(url, Channel("Presse Algérie et Maroc", "presse-maghreb"));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var page = await (await browser.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("presse-maghreb", page);
        Assert.Contains("&lt;b&gt;Press&lt;/b&gt;", page);
        Assert.Contains("Algeria", Html.Text(page));

        var profile = $"/admin/supporters/{supporter.Id}";
        var join = new Dictionary<string, string> { ["channelId"] = channel.Id.ToString() };
        await browser.SubmitAsync(profile, join, profile + "?handler=JoinChannel");
        await browser.SubmitAsync(profile, join, profile + "?handler=JoinChannel");
        var membership = await host.Data.QueryAsync(db => db.ChannelMemberships.SingleAsync(m => m.SupporterId == supporter.Id));
        Assert.Equal("organizer", membership.Source);
        Assert.Matches(@"Presse Algérie et Maroc</a></td>[\s\S]*?<td class=""num"">1</td>", Html.Text(await (await browser.GetAsync("/admin/channels")).Content.ReadAsStringAsync()));

        var delete = await browser.SubmitAsync(url, [], url + "?handler=Delete");

        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.False(await host.Data.QueryAsync(db => db.Channels.AnyAsync(c => c.Id == channel.Id)));
        Assert.False(await host.Data.QueryAsync(db => db.ChannelMemberships.AnyAsync(m => m.ChannelId == channel.Id)));
    }

    [Fact]
    public async Task Sign_CampaignWithChannel_JoinsTheChannelOnce()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var first = await host.Data.CampaignAsync(organization.Id);
        var second = await host.Data.CampaignAsync(organization.Id);
        var without = await host.Data.CampaignAsync(organization.Id);
        var channel = new Channel { OrganizationId = organization.Id, Name = "Climate", Slug = "climate" };
        await ChangeAsync(host, async db =>
        {
            db.Channels.Add(channel);
            await db.Campaigns.Where(c => c.Id == first.Id || c.Id == second.Id).LoadAsync();
            foreach (var campaign in db.Campaigns.Local)
            {
                campaign.ChannelId = channel.Id;
            }
        });
        var email = Unique("joiner");

        var supporter = await SignedAsync(host, organization, first, email);
        await SignedAsync(host, organization, first, email);
        await SignedAsync(host, organization, second, email);
        var stranger = await SignedAsync(host, organization, without, Unique("stranger"));
        var friend = await SignedAsync(host, organization, second, Unique("friend"));

        var memberships = await host.Data.QueryAsync(db => db.ChannelMemberships.Where(m => m.ChannelId == channel.Id).ToListAsync());
        Assert.Equal(2, memberships.Count);
        var own = memberships.Single(m => m.SupporterId == supporter.Id);
        Assert.Equal(($"action:{first.PetitionId}", organization.Id), (own.Source, own.OrganizationId));
        Assert.Equal($"action:{second.PetitionId}", memberships.Single(m => m.SupporterId == friend.Id).Source);
        Assert.DoesNotContain(memberships, m => m.SupporterId == stranger.Id);
        Assert.Equal(1, await host.Data.StoredCountAsync(first.PetitionId));
    }
}

public sealed class GroupsAndChannelsOnSqlite(SqliteHost host) : GroupsAndChannelsTests(host), IClassFixture<SqliteHost>;

public sealed class GroupsAndChannelsOnPostgres(PostgresHost host) : GroupsAndChannelsTests(host), IClassFixture<PostgresHost>;
