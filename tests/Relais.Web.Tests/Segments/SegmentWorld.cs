using System.Globalization;
using System.Text;
using Relais.Activities;
using Relais.Channels;
using Relais.Consents;
using Relais.Groups;
using Relais.Supporters;
using Relais.Tags;

namespace Relais.Web.Tests.Segments;

/// <summary>
/// A small organization arranged so that each segment condition picks a known set of people
/// (ana, bob, cleo, dan; eve is erased), and a second organization (zed) that must never show.
/// </summary>
public sealed record SegmentWorld(
    SeededOrganization Organization, SeededOrganization Other,
    Guid Petition1, Guid Petition2, Guid OtherPetition,
    Guid PressTag, Guid VolunteerTag, Guid OtherTag, Guid Group, Guid OtherGroup, Guid Channel, Guid OtherChannel)
{
    public const string Domain = "@segments.example.org";

    public static async Task<SegmentWorld> CreateAsync(RelaisHost host)
    {
        var organization = await host.Data.OrganizationAsync("Segments");
        var other = await host.Data.OrganizationAsync("Other");
        var petition1 = (await host.Data.CampaignAsync(organization.Id)).PetitionId;
        var petition2 = (await host.Data.CampaignAsync(organization.Id)).PetitionId;
        var otherPetition = (await host.Data.CampaignAsync(other.Id)).PetitionId;
        var now = DateTimeOffset.UtcNow;
        var org = organization.Id;
        Supporter Person(Guid organizationId, string name, string? country, string? postalCode, string language, int rank,
            EmailConsentState consent, int daysSinceActive, bool erased = false) => new()
            {
                OrganizationId = organizationId,
                Email = name + Domain,
                NormalizedEmail = name + Domain,
                FirstName = char.ToUpperInvariant(name[0]) + name[1..],
                LastName = "Test",
                Country = country,
                PostalCode = postalCode,
                City = name == "ana" ? "=Paris" : null,
                Language = language,
                LadderRank = rank,
                // Placed by hand: the ladder job must leave the arranged ranks alone.
                LadderEvaluatedAt = now.AddYears(10),
                EmailConsent = consent,
                LastActiveAt = now.AddDays(-daysSinceActive),
                ErasedAt = erased ? now : null,
            };
        var ana = Person(org, "ana", "FR", "75011", "fr", 2, EmailConsentState.Granted, 5);
        var bob = Person(org, "bob", "FR", "69003", "en", 1, EmailConsentState.None, 100);
        var cleo = Person(org, "cleo", "BE", "1000", "fr", 3, EmailConsentState.Withdrawn, 400);
        var dan = Person(org, "dan", null, null, "en", 4, EmailConsentState.Granted, 1);
        var eve = Person(org, "eve", "FR", "75001", "fr", 2, EmailConsentState.Granted, 2, erased: true);
        var zed = Person(other.Id, "zed", "FR", "75002", "fr", 2, EmailConsentState.Granted, 2);
        Activity Did(Supporter s, ActivityType type, Guid? action, string day) => new()
        {
            OrganizationId = s.OrganizationId,
            SupporterId = s.Id,
            Type = type,
            ActionId = action,
            OccurredAt = DateTimeOffset.Parse(day + "T12:00:00Z", CultureInfo.InvariantCulture),
        };
        var press = new Tag { OrganizationId = org, Name = "Press", NormalizedName = "press" };
        var volunteer = new Tag { OrganizationId = org, Name = "Volunteer", NormalizedName = "volunteer" };
        var otherTag = new Tag { OrganizationId = other.Id, Name = "Press", NormalizedName = "press" };
        var group = new LocalGroup { OrganizationId = org, Name = "Lyon" };
        var otherGroup = new LocalGroup { OrganizationId = other.Id, Name = "Lyon" };
        var channel = new Channel { OrganizationId = org, Name = "France", Slug = "france" };
        var otherChannel = new Channel { OrganizationId = other.Id, Name = "France", Slug = "france" };
        await host.Data.QueryAsync(async db =>
        {
            db.AddRange(ana, bob, cleo, dan, eve, zed);
            db.AddRange(press, volunteer, otherTag, group, otherGroup, channel, otherChannel);
            await db.SaveChangesAsync();
            db.AddRange(
                Did(ana, ActivityType.Signed, petition1, "2026-03-10"),
                Did(bob, ActivityType.Signed, petition2, "2026-04-20"),
                Did(bob, ActivityType.Shared, petition1, "2026-04-21"),
                Did(cleo, ActivityType.Donated, null, "2026-03-15"),
                Did(cleo, ActivityType.Signed, petition1, "2025-12-01"),
                Did(eve, ActivityType.Signed, petition1, "2026-03-11"),
                Did(zed, ActivityType.Signed, otherPetition, "2026-03-10"));
            db.AddRange(
                new SupporterTag { OrganizationId = org, SupporterId = ana.Id, TagId = press.Id },
                new SupporterTag { OrganizationId = org, SupporterId = cleo.Id, TagId = volunteer.Id },
                new SupporterTag { OrganizationId = org, SupporterId = eve.Id, TagId = press.Id },
                new SupporterTag { OrganizationId = other.Id, SupporterId = zed.Id, TagId = otherTag.Id });
            db.AddRange(
                new GroupMembership { OrganizationId = org, GroupId = group.Id, SupporterId = ana.Id, Role = GroupRole.Leader },
                new GroupMembership { OrganizationId = org, GroupId = group.Id, SupporterId = bob.Id },
                new GroupMembership { OrganizationId = other.Id, GroupId = otherGroup.Id, SupporterId = zed.Id, Role = GroupRole.Leader });
            db.AddRange(
                new ChannelMembership { OrganizationId = org, ChannelId = channel.Id, SupporterId = ana.Id },
                new ChannelMembership { OrganizationId = org, ChannelId = channel.Id, SupporterId = cleo.Id },
                new ChannelMembership { OrganizationId = other.Id, ChannelId = otherChannel.Id, SupporterId = zed.Id });
            return await db.SaveChangesAsync();
        });
        return new SegmentWorld(organization, other, petition1, petition2, otherPetition,
            press.Id, volunteer.Id, otherTag.Id, group.Id, otherGroup.Id, channel.Id, otherChannel.Id);
    }

    /// <summary>Form fields of a segment: ("all", [("tag", [("tag", id)])]) → match=all, c[0].kind=tag, c[0].tag=id.</summary>
    public static List<KeyValuePair<string, string>> Fields(string match, params (string Kind, (string Field, string Value)[] Values)[] rows)
    {
        var fields = new List<KeyValuePair<string, string>> { new("match", match) };
        for (var i = 0; i < rows.Length; i++)
        {
            fields.Add(new($"c[{i}].kind", rows[i].Kind));
            fields.AddRange(rows[i].Values.Select(v => new KeyValuePair<string, string>($"c[{i}].{v.Field}", v.Value)));
        }
        return fields;
    }

    public static (string, (string, string)[]) Row(string kind, params (string, string)[] values) => (kind, values);

    /// <summary>The first names exported for a segment, sorted: "ana,cleo".</summary>
    public static async Task<string> MembersAsync(HttpClient browser, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var response = await browser.SubmitAsync("/admin/segments/new", fields, "/admin/segments/export.csv");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"export answered {(int)response.StatusCode}: {body}");
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1);
        return string.Join(",", lines.Select(l => l.Split(';')[0].Replace(Domain, "", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
