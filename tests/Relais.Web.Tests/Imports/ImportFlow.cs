using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Relais.Web.Tests.Imports;

public sealed record ImportProgressDto(
    string Status, string StatusText, bool Active, bool DryRun, int Processed, int Total, int Inserted, int Updated, int Unchanged, int Rejected);

/// <summary>What an organizer does through the import pages, step by step.</summary>
public static partial class ImportFlow
{
    [GeneratedRegex("^/admin/imports/([0-9a-f-]{36})/map$")]
    private static partial Regex MapLocation();

    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, byte[] bytes, string fileName)
    {
        var token = await client.TokenAsync("/admin/imports/new");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__af" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        return await client.PostAsync("/admin/imports/new", content);
    }

    public static async Task<Guid> UploadAsync(this HttpClient client, byte[] bytes, string fileName)
    {
        var response = await client.PostFileAsync(bytes, fileName);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Upload answered {(int)response.StatusCode}: {Html.Text(await response.Content.ReadAsStringAsync())}");
        var match = MapLocation().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location.OriginalString);
        return Guid.Parse(match.Groups[1].Value);
    }

    /// <summary>Posts the mapping page; null columns keep what the page proposes.</summary>
    public static async Task<HttpResponseMessage> MapAsync(
        this HttpClient client, Guid id, IReadOnlyList<string?>? columns = null, string? tag = null, string consent = "Nobody", string? declaration = null)
    {
        var url = $"/admin/imports/{id}/map";
        var page = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        columns ??= Proposed(page);
        var fields = columns.Select((c, i) => new KeyValuePair<string, string>($"Columns[{i}]", c ?? ""))
            .Append(new("TagName", tag ?? ""))
            .Append(new("Consent", consent))
            .Append(new("Declaration", declaration ?? ""));
        return await client.SubmitAsync(url, fields);
    }

    /// <summary>The field each column's select has selected on the mapping page ("" for ignored).</summary>
    public static List<string?> Proposed(string mapPage) =>
        SelectPattern().Matches(mapPage)
            .Select(m => OptionSelected().Match(m.Value) is { Success: true } o ? o.Groups[1].Value : null)
            .Select(v => string.IsNullOrEmpty(v) ? null : v)
            .ToList();

    [GeneratedRegex("<select id=\"column-\\d+\".*?</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option value=\"([A-Za-z]*)\" selected=\"selected\"")]
    private static partial Regex OptionSelected();

    public static async Task MappedAsync(this HttpClient client, Guid id, IReadOnlyList<string?>? columns = null, string? tag = null, string consent = "Nobody", string? declaration = null)
    {
        var response = await client.MapAsync(id, columns, tag, consent, declaration);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Mapping answered {(int)response.StatusCode}: {Html.Text(await response.Content.ReadAsStringAsync())}");
    }

    public static async Task<ImportProgressDto> RunAsync(this HttpClient client, Guid id, bool dryRun = false)
    {
        var preview = $"/admin/imports/{id}/preview";
        var response = await client.SubmitAsync(preview, [], preview + (dryRun ? "?handler=DryRun" : "?handler=Start"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/imports/{id}", response.Headers.Location?.OriginalString);
        return await client.WaitAsync(id);
    }

    public static async Task<ImportProgressDto> ProgressAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<ImportProgressDto>($"/admin/imports/{id}/progress"))!;

    /// <summary>Polls the progress endpoint, as the page does, until the import stops.</summary>
    public static async Task<ImportProgressDto> WaitAsync(this HttpClient client, Guid id)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (true)
        {
            var progress = await client.ProgressAsync(id);
            if (!progress.Active && progress.Status != "Uploaded")
            {
                return progress;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Import still {progress.Status} at {progress.Processed}/{progress.Total}");
            await Task.Delay(100);
        }
    }

    /// <summary>Upload, keep the proposed mapping (or the given one), run for real, wait.</summary>
    public static async Task<(Guid Id, ImportProgressDto Progress)> ImportAsync(
        this HttpClient client, byte[] bytes, string fileName, IReadOnlyList<string?>? columns = null, string? tag = null, string consent = "Nobody", string? declaration = null)
    {
        var id = await client.UploadAsync(bytes, fileName);
        await client.MappedAsync(id, columns, tag, consent, declaration);
        return (id, await client.RunAsync(id));
    }
}
