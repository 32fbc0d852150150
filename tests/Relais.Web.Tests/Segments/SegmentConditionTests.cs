using System.Net;
using System.Text.Json;
using static Relais.Web.Tests.Segments.SegmentWorld;

namespace Relais.Web.Tests.Segments;

/// <summary>Each kind of condition, all and any, picks exactly the expected supporters, never erased ones nor another organization's.</summary>
public abstract class SegmentConditionTests(RelaisHost host)
{
    [Fact]
    public async Task Export_EachCondition_SelectsExactlyTheExpectedSupporters()
    {
        host.SkipIfUnavailable();
        var world = await CreateAsync(host);
        var browser = await host.Browser().LoginAsync(world.Organization.OrganizerEmail);
        var p1 = world.Petition1.ToString();
        var longAgo = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-365)).ToString("yyyy-MM-dd");
        var cases = new (string Name, List<KeyValuePair<string, string>> Fields, string Expected)[]
        {
            ("everyone", Fields("all"), "ana,bob,cleo,dan"),
            ("took P1", Fields("all", Row("took-action", ("action", p1))), "ana,cleo"),
            ("took P1 in March", Fields("all", Row("took-action", ("action", p1), ("from", "2026-03-01"), ("to", "2026-03-31"))), "ana"),
            ("did not take P1", Fields("all", Row("took-action", ("action", p1), ("not", "true"))), "bob,dan"),
            ("signed anything", Fields("all", Row("took-type", ("type", "Signed"))), "ana,bob,cleo"),
            ("donated in March", Fields("all", Row("took-type", ("type", "Donated"), ("from", "2026-03-01"), ("to", "2026-03-31"))), "cleo"),
            ("donated in April", Fields("all", Row("took-type", ("type", "Donated"), ("from", "2026-04-01"), ("to", "2026-04-30"))), ""),
            ("rank at least 3", Fields("all", Row("ladder", ("op", "gte"), ("rank", "3"))), "cleo,dan"),
            ("rank equal 2", Fields("all", Row("ladder", ("op", "eq"), ("rank", "2"))), "ana"),
            ("rank at most 1", Fields("all", Row("ladder", ("op", "lte"), ("rank", "1"))), "bob"),
            ("tag press", Fields("all", Row("tag", ("tag", world.PressTag.ToString()))), "ana"),
            ("not tag press", Fields("all", Row("tag", ("tag", world.PressTag.ToString()), ("not", "true"))), "bob,cleo,dan"),
            ("group member", Fields("all", Row("group", ("group", world.Group.ToString()), ("role", "any"))), "ana,bob"),
            ("group leader", Fields("all", Row("group", ("group", world.Group.ToString()), ("role", "leader"))), "ana"),
            ("channel", Fields("all", Row("channel", ("channel", world.Channel.ToString()))), "ana,cleo"),
            ("country FR or BE", Fields("all", ("country", [("countries", "FR"), ("countries", "BE")])), "ana,bob,cleo"),
            ("country not FR", Fields("all", Row("country", ("countries", "FR"), ("not", "true"))), "cleo,dan"),
            ("postal code 75", Fields("all", Row("postal-code", ("prefix", "75"))), "ana"),
            ("postal code not 69", Fields("all", Row("postal-code", ("prefix", "69"), ("not", "true"))), "ana,cleo,dan"),
            ("language en", Fields("all", Row("language", ("language", "en"))), "bob,dan"),
            ("email consent", Fields("all", Row("email-consent")), "ana,dan"),
            ("active within 30 days", Fields("all", Row("active-within", ("days", "30"))), "ana,dan"),
            ("active before a year ago", Fields("all", Row("active-before", ("before", longAgo))), "cleo"),
            ("all: took P1 and FR", Fields("all", Row("took-action", ("action", p1)), Row("country", ("countries", "FR"))), "ana"),
            ("any: press or English", Fields("any", Row("tag", ("tag", world.PressTag.ToString())), Row("language", ("language", "en"))), "ana,bob,dan"),
            ("any: not consent or rank 4", Fields("any", Row("email-consent", ("not", "true")), Row("ladder", ("op", "eq"), ("rank", "4"))), "bob,cleo,dan"),
        };

        var failures = new List<string>();
        foreach (var (name, fields, expected) in cases)
        {
            var actual = await MembersAsync(browser, fields);
            if (actual != expected)
            {
                failures.Add($"{name}: expected [{expected}], got [{actual}]");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Count_ThreeConditions_AnswersTheNumberAndLocalizedText()
    {
        host.SkipIfUnavailable();
        var world = await CreateAsync(host);
        var browser = await host.Browser("fr-FR").LoginAsync(world.Organization.ViewerEmail);
        var fields = Fields("any",
            Row("took-action", ("action", world.Petition1.ToString())),
            Row("language", ("language", "en")),
            Row("ladder", ("op", "gte"), ("rank", "4")));

        var response = await browser.SubmitAsync("/admin/segments/new", fields, "/admin/segments/count");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(4, answer.RootElement.GetProperty("count").GetInt32());
        Assert.Equal("4 sympathisants correspondent", answer.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Count_OtherOrganizationsIds_Rejected400WithMessages()
    {
        host.SkipIfUnavailable();
        var world = await CreateAsync(host);
        var browser = await host.Browser().LoginAsync(world.Organization.OrganizerEmail);
        var fields = Fields("all",
            Row("took-action", ("action", world.OtherPetition.ToString())),
            Row("tag", ("tag", world.OtherTag.ToString())),
            Row("group", ("group", world.OtherGroup.ToString())),
            Row("channel", ("channel", world.OtherChannel.ToString())));

        var count = await browser.SubmitAsync("/admin/segments/new", fields, "/admin/segments/count");
        var page = await browser.SubmitAsync("/admin/segments/new", fields, "/admin/segments/new?handler=Count");
        var export = await browser.SubmitAsync("/admin/segments/new", fields, "/admin/segments/export.csv");

        Assert.Equal(HttpStatusCode.BadRequest, count.StatusCode);
        var json = await count.Content.ReadAsStringAsync();
        Assert.Contains("This action does not exist in your organization.", json);
        Assert.Contains("This tag does not exist in your organization.", json);
        Assert.Contains("This local group does not exist in your organization.", json);
        Assert.Contains("This channel does not exist in your organization.", json);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = Html.Text(await page.Content.ReadAsStringAsync());
        Assert.Contains("This tag does not exist in your organization.", html);
        Assert.Contains("id=\"c-1-errors\"", html);
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.DoesNotContain("zed", await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CountPage_InvalidConditions_400WithMessagesNextToRowsAndValuesKept()
    {
        host.SkipIfUnavailable();
        var world = await CreateAsync(host);
        var browser = await host.Browser().LoginAsync(world.Organization.OrganizerEmail);
        var fields = Fields("all",
            Row("ladder", ("op", "gte"), ("rank", "2")),
            Row("took-type", ("type", "Signed"), ("from", "2026-05-01"), ("to", "2026-04-01")),
            Row("postal-code", ("prefix", "<script>alert(1)</script>")),
            Row("country", ("countries", "XX")),
            Row("active-within", ("days", "0")),
            Row("teleported"));

        var response = await browser.SubmitAsync("/admin/segments/new", fields, "/admin/segments/new?handler=Count");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        var html = Html.Text(raw);
        Assert.DoesNotContain("<script>alert(1)</script>", raw);
        Assert.Contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"", raw);
        Assert.Contains("The period ends before it starts.", html);
        Assert.Contains("Unknown country: XX.", html);
        Assert.Contains("Enter a number of days between 1 and 36500.", html);
        Assert.Contains("Enter the start of a postal code", html);
        Assert.DoesNotContain("id=\"c-0-errors\"", raw);
        Assert.Contains("id=\"c-1-errors\"", raw);
        Assert.Matches("<option selected=\"selected\" value=\"gte\">", raw);
    }

    [Fact]
    public async Task AddAndRemove_WithoutJavaScript_RowsComeFromTheServer()
    {
        host.SkipIfUnavailable();
        var world = await CreateAsync(host);
        var browser = await host.Browser().LoginAsync(world.Organization.ViewerEmail);
        var fields = Fields("all", Row("email-consent"));
        fields.Add(new("add", "tag"));

        var added = await browser.SubmitAsync("/admin/segments/new", fields, "/admin/segments/new?handler=Add");
        var removed = await browser.SubmitAsync("/admin/segments/new", [.. fields, new("remove", "0")], "/admin/segments/new?handler=Remove");

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var addedHtml = await added.Content.ReadAsStringAsync();
        Assert.Contains("name=\"c[0].kind\" value=\"email-consent\"", addedHtml);
        Assert.Contains("name=\"c[1].kind\" value=\"tag\"", addedHtml);
        Assert.Contains(">Press</option>", addedHtml);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var removedHtml = Html.Text(await removed.Content.ReadAsStringAsync());
        Assert.DoesNotContain("name=\"c[0].kind\"", removedHtml);
        Assert.Contains("4 matching supporters", removedHtml);
    }
}

public sealed class SegmentConditionsOnSqlite(SqliteHost host) : SegmentConditionTests(host), IClassFixture<SqliteHost>;

public sealed class SegmentConditionsOnPostgres(PostgresHost host) : SegmentConditionTests(host), IClassFixture<PostgresHost>;
