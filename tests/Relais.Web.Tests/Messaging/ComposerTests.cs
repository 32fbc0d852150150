using System.Net;
using Microsoft.EntityFrameworkCore;
using Relais.Messaging;

namespace Relais.Web.Tests.Messages;

/// <summary>Composing an email: create, edit, refuse what cannot be sent, and keep each organization to its own.</summary>
public abstract class ComposerTests(RelaisHost host)
{
    private const string NewUrl = "/admin/messages/new";
    private const string SaveNew = "/admin/messages/new?handler=Save";

    [Fact]
    public async Task Create_ValidDraft_SavesMessageWithBothVersionsAndListsIt()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var segment = await host.SegmentAsync(organization.Id, "Petition signers");
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);

        var response = await browser.SubmitAsync(NewUrl, ComposerData.Draft(segmentId: segment.ToString(), campaignId: campaign.Id.ToString()), SaveNew);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = await host.Data.QueryAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.OrganizationId == organization.Id));
        Assert.Equal($"/admin/messages/{message.Id}?saved=true", response.Headers.Location?.OriginalString);
        Assert.Equal(("October update", MessageStatus.Draft, segment, campaign.Id), (message.Name, message.Status, message.SegmentId!.Value, message.CampaignId!.Value));
        Assert.Equal((true, false, false, 14), (message.TrackClicks, message.TrackOpens, message.OverrideFrequencyCap, message.AttributionDays));
        var versions = await host.Data.QueryAsync(db => db.MessageVersions.AsNoTracking().Where(v => v.MessageId == message.Id).OrderBy(v => v.Language).ToListAsync());
        Assert.Equal(["en", "fr"], versions.Select(v => v.Language));
        Assert.Equal("Hello {{ first_name | friend }},\n\nThank you! [Share]({{ relay_link }})", versions[0].Body);
        var list = Html.Text(await browser.GetStringAsync("/admin/messages"));
        Assert.Contains("October update", list);
        Assert.Contains("Petition signers", list);
        Assert.Contains("New email", list);
        var edit = await browser.GetStringAsync($"/admin/messages/{message.Id}");
        Assert.Contains("action=\"/admin/messages/" + message.Id + "/send\"", edit);
        Assert.Contains("name=\"scheduledAt\" type=\"datetime-local\"", edit);
        Assert.Contains("{{ unsubscribe_link }}", Html.Text(edit));
    }

    [Fact]
    public async Task Edit_EmptiedEnglishVersion_UpdatesFrenchAndDropsEnglish()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var id = await host.MessageAsync(organization.Id);
        var browser = await host.Browser("fr").LoginAsync(organization.OrganizerEmail);
        var fields = ComposerData.Draft("Renamed");
        fields["Input.Fr.Body"] = "Nouveau corps";
        fields["Input.En.Subject"] = fields["Input.En.Preheader"] = fields["Input.En.Body"] = "";

        var response = await browser.SubmitAsync($"/admin/messages/{id}", fields, $"/admin/messages/{id}?handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var versions = await host.Data.QueryAsync(db => db.MessageVersions.AsNoTracking().Where(v => v.MessageId == id).ToListAsync());
        Assert.Equal("fr", Assert.Single(versions).Language);
        Assert.Equal("Nouveau corps", versions[0].Body);
        Assert.Equal("Renamed", await host.Data.QueryAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Name).SingleAsync()));
    }

    [Fact]
    public async Task Save_UnknownMergeField_AnswersBadRequestNamingFieldAndLanguage_SavesNothing()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var fields = ComposerData.Draft();
        fields["Input.En.Body"] = "Hello {{ frist_name }}";

        var response = await browser.SubmitAsync(NewUrl, fields, SaveNew);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Unknown merge field “frist_name” in the English version", page);
        Assert.Contains("Hello {{ frist_name }}", page);
        Assert.False(await host.Data.QueryAsync(db => db.Messages.AnyAsync(m => m.OrganizationId == organization.Id)));
    }

    [Fact]
    public async Task Edit_UnreadableFieldInFrench_AnswersBadRequestInFrench_KeepsStoredVersions()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var id = await host.MessageAsync(organization.Id, name: "Unchanged");
        var browser = await host.Browser("fr").LoginAsync(organization.OrganizerEmail);
        var fields = ComposerData.Draft("Changed");
        fields["Input.Fr.Subject"] = "Salut {{ prénom }}";

        var response = await browser.SubmitAsync($"/admin/messages/{id}", fields, $"/admin/messages/{id}?handler=Save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Champ de fusion illisible « {{ prénom }} » dans la version en français", Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal("Unchanged", await host.Data.QueryAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Name).SingleAsync()));
        Assert.Equal("Des nouvelles", await host.Data.QueryAsync(db => db.MessageVersions.Where(v => v.MessageId == id && v.Language == "fr").Select(v => v.Subject).SingleAsync()));
    }

    [Fact]
    public async Task Save_NoLanguageOrBadOptions_AnswersBadRequest()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var fields = ComposerData.Draft();
        foreach (var key in fields.Keys.Where(k => k.StartsWith("Input.Fr.") || k.StartsWith("Input.En.")).ToList())
        {
            fields[key] = "";
        }
        fields["Input.AttributionDays"] = "91";
        fields["Input.Name"] = new string('n', Message.NameMax + 1);

        var response = await browser.SubmitAsync(NewUrl, fields, SaveNew);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Write the message in at least one language.", page);
        Assert.Contains("Attribution must be between 1 and 90 days.", page);
        Assert.Contains($"at most {Message.NameMax} characters", page);
        Assert.False(await host.Data.QueryAsync(db => db.Messages.AnyAsync(m => m.OrganizationId == organization.Id)));
    }

    [Fact]
    public async Task Save_ScriptTagInBody_StoresItAsTypedAndRendersItEscaped()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var fields = ComposerData.Draft("<script>alert('name')</script>");
        fields["Input.En.Body"] = "Hi <script>alert('x')</script> {{ first_name }}";

        var response = await browser.SubmitAsync(NewUrl, fields, SaveNew);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await host.Data.QueryAsync(db => db.Messages.Where(m => m.OrganizationId == organization.Id).Select(m => m.Id).SingleAsync());
        var body = await host.Data.QueryAsync(db => db.MessageVersions.Where(v => v.MessageId == id && v.Language == "en").Select(v => v.Body).SingleAsync());
        Assert.Equal("Hi <script>alert('x')</script> {{ first_name }}", body);
        var rendered = MergeTemplate.Parse("s", "", body).Template!.Render(new MergeValues { FirstName = "<b>Ana</b>" });
        Assert.DoesNotContain("<script", rendered.Html);
        Assert.DoesNotContain("<b>", rendered.Html);
        Assert.Contains("&lt;script&gt;", rendered.Html);
        var edit = await browser.GetStringAsync($"/admin/messages/{id}");
        var list = await browser.GetStringAsync("/admin/messages");
        Assert.DoesNotContain("<script>alert", edit);
        Assert.DoesNotContain("<script>alert", list);
        Assert.Contains("&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;", list);
    }

    [Fact]
    public async Task OtherOrganization_MessageIsNotFound_AndItsSegmentIsRefused()
    {
        host.SkipIfUnavailable();
        var victim = await host.Data.OrganizationAsync("Victim");
        var victimMessage = await host.MessageAsync(victim.Id, name: "Victim secret plan");
        var victimSegment = await host.SegmentAsync(victim.Id, "Victim donors");
        var intruder = await host.Data.OrganizationAsync("Intruder");
        var own = await host.MessageAsync(intruder.Id, name: "Own");
        var browser = await host.Browser().LoginAsync(intruder.OrganizerEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/messages/{victimMessage}")).StatusCode);
        var list = await browser.GetStringAsync("/admin/messages");
        Assert.DoesNotContain("Victim secret plan", list);
        var edit = await browser.GetStringAsync("/admin/messages/new");
        Assert.DoesNotContain("Victim donors", edit);
        var overwrite = await browser.SubmitAsync($"/admin/messages/{own}", ComposerData.Draft("Taken over"), $"/admin/messages/{victimMessage}?handler=Save");
        Assert.Equal(HttpStatusCode.NotFound, overwrite.StatusCode);
        var foreignSegment = await browser.SubmitAsync($"/admin/messages/{own}", ComposerData.Draft("Own", segmentId: victimSegment.ToString()), $"/admin/messages/{own}?handler=Save");
        Assert.Equal(HttpStatusCode.BadRequest, foreignSegment.StatusCode);
        Assert.Contains("Choose one of your organization's segments.", Html.Text(await foreignSegment.Content.ReadAsStringAsync()));

        var stored = await host.Data.QueryAsync(db => db.Messages.AsNoTracking().Where(m => m.Id == own || m.Id == victimMessage).ToListAsync());
        Assert.All(stored, m => Assert.Null(m.SegmentId));
        Assert.Equal("Victim secret plan", stored.Single(m => m.Id == victimMessage).Name);
    }

    [Fact]
    public async Task SegmentSize_OwnSegment_CountsNow_OtherOrganizationsNotFound()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var other = await host.Data.OrganizationAsync();
        var segment = await host.SegmentAsync(organization.Id);
        var otherSegment = await host.SegmentAsync(other.Id);
        await host.SupporterAsync(organization.Id, $"one-{organization.Slug}@example.org", "One", "fr");
        await host.SupporterAsync(organization.Id, $"two-{organization.Slug}@example.org", "Two", "en");
        await host.SupporterAsync(other.Id, $"three-{other.Slug}@example.org", "Three", "en");
        var browser = await host.Browser().LoginAsync(organization.ViewerEmail);

        var own = await browser.GetStringAsync($"/admin/messages/segment-size?segment={segment}");
        var foreign = await browser.GetAsync($"/admin/messages/segment-size?segment={otherSegment}");

        Assert.Contains("\"count\":2", own);
        Assert.Contains("This segment holds 2 supporters now.", own);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Viewer_ReadsButCannotCreateOrEdit()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var id = await host.MessageAsync(organization.Id, name: "Read only");
        var viewer = await host.Browser().LoginAsync(organization.ViewerEmail);

        var page = await viewer.GetStringAsync($"/admin/messages/{id}");
        var save = await viewer.SubmitAsync($"/admin/messages/{id}", ComposerData.Draft("Changed"), $"/admin/messages/{id}?handler=Save");
        var create = await viewer.GetAsync(NewUrl);

        Assert.Contains("<fieldset disabled=\"disabled\">", page);
        Assert.DoesNotContain("/send\"", page);
        Assert.StartsWith("/admin/denied", save.Headers.Location?.AbsolutePath);
        Assert.StartsWith("/admin/denied", create.Headers.Location?.AbsolutePath);
        Assert.Equal("Read only", await host.Data.QueryAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Name).SingleAsync()));
    }

    [Fact]
    public async Task Edit_MessageAlreadySending_IsRefusedAndShownReadOnly()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var id = await host.MessageAsync(organization.Id, name: "On its way", status: MessageStatus.Sending);
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);

        var page = await browser.GetStringAsync($"/admin/messages/{id}");
        var save = await browser.SubmitAsync($"/admin/messages/{id}", ComposerData.Draft("Changed"), $"/admin/messages/{id}?handler=Save");

        Assert.Contains("<fieldset disabled=\"disabled\">", page);
        Assert.Contains($"/admin/messages/{id}/progress", page);
        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Contains("it can no longer be changed", Html.Text(await save.Content.ReadAsStringAsync()));
        Assert.Equal("On its way", await host.Data.QueryAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Name).SingleAsync()));
    }
}

public sealed class ComposerOnSqlite(SqliteHost host) : ComposerTests(host), IClassFixture<SqliteHost>;

public sealed class ComposerOnPostgres(PostgresHost host) : ComposerTests(host), IClassFixture<PostgresHost>;
