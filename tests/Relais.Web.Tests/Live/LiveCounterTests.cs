using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Relais.Web.Tests.Live;

public abstract class LiveCounterTests(RelaisHost host)
{
    [Fact]
    public async Task Live_AfterSignature_StreamsInitialThenHigherCount()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id, goal: 10);
        await host.Browser().SignAsync(campaign.Slug, Forms.Signature("first@example.org"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var stream = await EventStream.OpenAsync(host.Browser(), $"/c/{campaign.Slug}/live", timeout.Token);
        var initial = await stream.NextAsync(timeout.Token);
        Assert.Equal(3000, stream.Retry);
        await host.Browser().SignAsync(campaign.Slug, Forms.Signature("second@example.org"));
        var next = await stream.NextAsync(timeout.Token);

        Assert.Equal((1, 10), (initial.GetProperty("count").GetInt32(), initial.GetProperty("goal").GetInt32()));
        Assert.Equal(2, next.GetProperty("count").GetInt32());
        Assert.Equal("2", stream.LastId);
    }

    [Fact]
    public async Task Live_LastEventIdIsCurrent_SendsNoInitialCount()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        await host.Browser().SignAsync(campaign.Slug, Forms.Signature("one@example.org"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var client = host.Browser();
        client.DefaultRequestHeaders.Add("Last-Event-ID", "1");

        using var stream = await EventStream.OpenAsync(client, $"/c/{campaign.Slug}/live", timeout.Token);
        await host.Browser().SignAsync(campaign.Slug, Forms.Signature("two@example.org"));
        var first = await stream.NextAsync(timeout.Token);

        Assert.Equal(2, first.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Live_UnknownOrUnpublishedCampaign_Returns404()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var draft = await host.Data.CampaignAsync(organization.Id, published: false);
        var browser = host.Browser();

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/c/{draft.Slug}/live")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/c/no-such-campaign/live")).StatusCode);
    }

    [Fact]
    public async Task CampaignPage_WithPetition_PointsTheThermometerAtItsStream()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);

        var page = await host.Browser().GetStringAsync($"/c/{campaign.Slug}");

        Assert.Contains($"data-live=\"/c/{campaign.Slug}/live\"", page);
        Assert.Contains("aria-live=\"polite\"", page);
        Assert.Contains("<script src=\"/js/live.js?v=", page);
    }
}

/// <summary>Reads a text/event-stream response event by event.</summary>
internal sealed class EventStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body);
    }

    public int? Retry { get; private set; }
    public string? LastId { get; private set; }

    public static async Task<EventStream> OpenAsync(HttpClient client, string url, CancellationToken ct)
    {
        var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = new EventStream(response, await response.Content.ReadAsStreamAsync(ct));
        return stream;
    }

    /// <summary>The data of the next event, as JSON; comments and retry lines are read past.</summary>
    public async Task<JsonElement> NextAsync(CancellationToken ct)
    {
        string? data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(ct) ?? throw new EndOfStreamException("The stream ended.");
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    return JsonDocument.Parse(data).RootElement.Clone();
                }
                continue;
            }
            if (line.StartsWith("retry: ", StringComparison.Ordinal))
            {
                Retry = int.Parse(line["retry: ".Length..]);
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                LastId = line["id: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}

public sealed class LiveCounterTestsOnSqlite(SqliteHost host) : LiveCounterTests(host), IClassFixture<SqliteHost>;

public sealed class LiveCounterTestsOnPostgres(PostgresHost host) : LiveCounterTests(host), IClassFixture<PostgresHost>;
