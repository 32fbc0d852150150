using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Relais.Web.Tests.Localization;

public sealed partial class LocalizationTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [GeneratedRegex(@"(?<![A-Za-z])(?:L|localizer)\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizedKey();

    [Fact]
    public void EveryStringShownToPeople_HasItsFrenchTranslation()
    {
        var root = RepositoryRoot();
        var french = XDocument.Load(Path.Combine(root, "src/Relais.Web/Resources/SharedResource.fr.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
        var used = Directory.EnumerateFiles(Path.Combine(root, "src/Relais.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml") || f.EndsWith(".cs")) && !f.Contains("/obj/") && !f.Contains("/bin/"))
            .SelectMany(f => LocalizedKey().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .Concat(MessageKeys())
            .ToHashSet();

        Assert.True(used.Count > 100, $"Only {used.Count} keys found: the scan is broken.");
        var missing = used.Where(k => !french.ContainsKey(k)).Order().ToList();
        Assert.True(missing.Count == 0, "No French for:\n" + string.Join("\n", missing));
        var unused = french.Keys.Where(k => !used.Contains(k)).Order().ToList();
        Assert.True(unused.Count == 0, "French kept for keys no longer used:\n" + string.Join("\n", unused));
        Assert.All(french, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
    }

    [Fact]
    public async Task Pages_FollowTheBrowserOrTheChosenLanguage_AndFormatDatesAndNumbersForIt()
    {
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id, goal: 12_500);
        var browser = host.Browser("en-GB,en;q=0.8");

        var english = Html.Text(await (await browser.GetAsync($"/c/{campaign.Slug}")).Content.ReadAsStringAsync());
        var choose = await browser.GetAsync($"/culture/fr?returnUrl={Uri.EscapeDataString($"/c/{campaign.Slug}")}");
        var french = Html.Text(await (await browser.GetAsync($"/c/{campaign.Slug}")).Content.ReadAsStringAsync());
        var offsite = await browser.GetAsync("/culture/en?returnUrl=https://evil.example/");
        var unknown = await browser.GetAsync("/culture/de");

        Assert.Contains("Sign the petition", english);
        Assert.Contains("Sunday, June 30, 2030", english);
        Assert.Contains("Goal: 12,500 signatures", english);
        Assert.Equal($"/c/{campaign.Slug}", choose.Headers.Location?.OriginalString);
        Assert.Contains("Signez la pétition", french);
        Assert.Contains("dimanche 30 juin 2030", french);
        Assert.Contains("Objectif : 12\u202F500 signatures", french);
        Assert.Contains("Lettonie", french);
        Assert.Equal("/", offsite.Headers.Location?.OriginalString);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    private static IEnumerable<string> MessageKeys() =>
        new[] { typeof(Relais.Petitions.SignatureForm).Assembly, typeof(Relais.Web.Hosting.RelaisApp).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name.EndsWith("Messages", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Relais.slnx")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Relais.slnx not found above " + AppContext.BaseDirectory);
    }
}
