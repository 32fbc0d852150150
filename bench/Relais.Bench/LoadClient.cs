using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Relais.Bench;

/// <summary>
/// One simulated visitor's browser: its own keep-alive connection and its own cookies. Runs either
/// the baseline loop (GET /health) or the signature loop (GET the campaign page, read the
/// antiforgery token, POST a unique signature, expect 302 to the thank-you page).
/// </summary>
public sealed class LoadClient : IDisposable
{
    public static readonly string[] Slugs = ["palidzesim-couches", "critical-exposure-concours", "350-journee-action"];

    private static readonly byte[] TokenField = "name=\"__af\""u8.ToArray();
    private static readonly byte[] FormTokenField = "name=\"t\""u8.ToArray();
    private static readonly byte[] ValueAttribute = "value=\""u8.ToArray();

    private readonly HttpClient _http;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private readonly string _runId;
    private readonly bool _freshVisitors;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);

    public LoadClient(int id, Uri baseAddress, string runId, bool freshVisitors, TimeSpan timeout)
    {
        Id = id;
        _runId = runId;
        _freshVisitors = freshVisitors;
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout };
        _http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9,en;q=0.8");
        _http.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Relais.Bench/1.0");
    }

    public int Id { get; }

    /// <summary>Every completed attempt, successful or not, in completion order.</summary>
    public List<Attempt> Attempts { get; } = new(16_384);

    /// <summary>The form token (hidden field <c>t</c>, null when the form has none) of each acknowledged form action, by sequence.</summary>
    public Dictionary<int, string?> FormTokens { get; } = [];

    public Dictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);
    public string? FirstErrorDetail { get; private set; }

    /// <summary>Forgets what the previous phase recorded (the connection and cookies stay).</summary>
    public void Reset()
    {
        Attempts.Clear();
        FormTokens.Clear();
        Errors.Clear();
        FirstErrorDetail = null;
    }

    public static string Email(string runId, int client, int sequence) =>
        $"bench-{runId}-{client}-{sequence}@example.org";

    public async Task RunHealthAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            string? error;
            try
            {
                using var response = await _http.GetAsync("health", HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                error = response.StatusCode == HttpStatusCode.OK && body == "ok" ? null : $"GET /health: {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                error = $"GET /health: {Describe(ex)}";
            }
            var ended = Stopwatch.GetTimestamp();
            Record(new Attempt(ended, Micros(started, ended), 0, -1, 0, error is null), error, null);
        }
    }

    public async Task RunSignaturesAsync(CancellationToken stop)
    {
        var sequence = 0;
        var slug = Id % Slugs.Length;
        while (!stop.IsCancellationRequested)
        {
            sequence++;
            slug = (slug + 1) % Slugs.Length;
            if (_freshVisitors)
            {
                _cookies.Clear();
            }
            await SignOnceAsync(sequence, slug);
        }
    }

    private async Task SignOnceAsync(int sequence, int slugIndex)
    {
        var path = "c/" + Slugs[slugIndex];
        var started = Stopwatch.GetTimestamp();
        var posted = started;
        string? error = null;
        string? detail = null;
        try
        {
            string? token;
            using (var page = new HttpRequestMessage(HttpMethod.Get, path))
            {
                AddCookies(page);
                using var response = await _http.SendAsync(page, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
                KeepCookies(response);
                var length = await ReadBodyAsync(response);
                token = response.StatusCode == HttpStatusCode.OK ? FindToken(_buffer.AsSpan(0, length)) : null;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    error = $"GET page: {(int)response.StatusCode}";
                    detail = Encoding.UTF8.GetString(_buffer, 0, Math.Min(length, 2_000));
                }
                else if (token is null)
                {
                    error = "GET page: no antiforgery token";
                }
            }
            if (token is not null)
            {
                posted = Stopwatch.GetTimestamp();
                using var sign = new HttpRequestMessage(HttpMethod.Post, path)
                {
                    Content = new FormUrlEncodedContent(
                    [
                        new("__af", token),
                        new("Form.FirstName", "Camille"),
                        new("Form.LastName", $"Bench {Id}"),
                        new("Form.Email", Email(_runId, Id, sequence)),
                        new("Form.PostalCode", "75011"),
                        new("Form.Country", "FR"),
                        new("Form.Comment", sequence % 3 == 0 ? "Je signe parce que cela compte." : ""),
                        new("Form.Consent", "true"),
                    ]),
                };
                AddCookies(sign);
                using var response = await _http.SendAsync(sign, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
                KeepCookies(response);
                var length = await ReadBodyAsync(response);
                var location = response.Headers.Location?.OriginalString ?? "";
                if (response.StatusCode != HttpStatusCode.Found)
                {
                    error = $"POST: {(int)response.StatusCode}";
                    detail = Encoding.UTF8.GetString(_buffer, 0, Math.Min(length, 4_000));
                }
                else if (location.Contains("already=1", StringComparison.Ordinal))
                {
                    error = "POST: 302 already signed (unexpected, emails are unique)";
                }
                else if (!location.Contains("/thanks", StringComparison.Ordinal))
                {
                    error = "POST: 302 to an unexpected place";
                    detail = location;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            error = Describe(ex);
        }
        var ended = Stopwatch.GetTimestamp();
        var postMicros = posted == started ? 0 : Micros(posted, ended);
        Record(new Attempt(ended, Micros(started, ended), postMicros, sequence, (byte)slugIndex, error is null), error, detail);
    }

    /// <summary>
    /// Loops over one public form as a browser fills it in: GET the form (its antiforgery token
    /// <c>__af</c> and its form token <c>t</c>, when it has one), then POST it with a unique email;
    /// only the answer <paramref name="action"/> expects counts as acknowledged.
    /// </summary>
    public async Task RunFormAsync(FormAction action, CancellationToken stop)
    {
        var sequence = 0;
        while (!stop.IsCancellationRequested)
        {
            sequence++;
            if (_freshVisitors)
            {
                _cookies.Clear();
            }
            await ActOnceAsync(action, sequence);
        }
    }

    private async Task ActOnceAsync(FormAction action, int sequence)
    {
        var slugIndex = action.SlugFor(Id, sequence);
        var path = action.PathFor(slugIndex);
        var started = Stopwatch.GetTimestamp();
        var posted = started;
        string? error = null;
        string? detail = null;
        string? formToken = null;
        try
        {
            string? token;
            using (var page = new HttpRequestMessage(HttpMethod.Get, path))
            {
                AddCookies(page);
                using var response = await _http.SendAsync(page, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
                KeepCookies(response);
                var length = await ReadBodyAsync(response);
                token = response.StatusCode == HttpStatusCode.OK ? FindToken(_buffer.AsSpan(0, length)) : null;
                formToken = response.StatusCode == HttpStatusCode.OK ? FindHidden(_buffer.AsSpan(0, length), FormTokenField) : null;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    error = $"GET form: {(int)response.StatusCode}";
                    detail = Encoding.UTF8.GetString(_buffer, 0, Math.Min(length, 2_000));
                }
                else if (token is null)
                {
                    error = "GET form: no antiforgery token";
                }
                else if (formToken is null && action.NeedsFormToken)
                {
                    error = "GET form: no form token (t)";
                }
            }
            if (error is null && token is not null)
            {
                posted = Stopwatch.GetTimestamp();
                var fields = new List<KeyValuePair<string, string>> { new("__af", token) };
                if (formToken is not null)
                {
                    fields.Add(new("t", formToken));
                }
                fields.AddRange(action.Fields(Id, sequence, Email(_runId, Id, sequence)));
                using var act = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
                AddCookies(act);
                using var response = await _http.SendAsync(act, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
                KeepCookies(response);
                var length = await ReadBodyAsync(response);
                var location = response.Headers.Location?.OriginalString ?? "";
                if (response.StatusCode != action.Success)
                {
                    error = $"POST: {(int)response.StatusCode}";
                    detail = Encoding.UTF8.GetString(_buffer, 0, Math.Min(length, 4_000));
                }
                else if (!action.IsExpectedLocation(slugIndex, location))
                {
                    error = $"POST: {(int)response.StatusCode} to an unexpected place";
                    detail = location;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            error = Describe(ex);
        }
        var ended = Stopwatch.GetTimestamp();
        var postMicros = posted == started ? 0 : Micros(posted, ended);
        if (error is null)
        {
            FormTokens[sequence] = formToken;
        }
        Record(new Attempt(ended, Micros(started, ended), postMicros, sequence, (byte)slugIndex, error is null), error, detail);
    }

    private void Record(Attempt attempt, string? error, string? detail)
    {
        Attempts.Add(attempt);
        if (error is not null)
        {
            Errors[error] = Errors.GetValueOrDefault(error) + 1;
            FirstErrorDetail ??= detail is null ? error : $"{error}\n{detail}";
        }
    }

    private async Task<int> ReadBodyAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(CancellationToken.None);
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                _buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }
            var read = await stream.ReadAsync(_buffer.AsMemory(length), CancellationToken.None);
            if (read == 0)
            {
                return length;
            }
            length += read;
        }
    }

    /// <summary>The value of the hidden input named __af, as the form tag helper writes it.</summary>
    public static string? FindToken(ReadOnlySpan<byte> html)
    {
        var field = html.IndexOf(TokenField);
        if (field < 0)
        {
            return null;
        }
        return ValueOfTag(html, field);
    }

    /// <summary>The value of the first input whose name attribute is <paramref name="nameAttribute"/>, wherever its value attribute stands in the tag.</summary>
    private static string? FindHidden(ReadOnlySpan<byte> html, ReadOnlySpan<byte> nameAttribute)
    {
        var field = html.IndexOf(nameAttribute);
        if (field < 0)
        {
            return null;
        }
        var tagStart = html[..field].LastIndexOf((byte)'<');
        return ValueOfTag(html, tagStart < 0 ? field : tagStart);
    }

    private static string? ValueOfTag(ReadOnlySpan<byte> html, int from)
    {
        var tagEnd = html[from..].IndexOf((byte)'>');
        var tag = tagEnd < 0 ? html[from..] : html.Slice(from, tagEnd);
        var value = tag.IndexOf(ValueAttribute);
        if (value < 0)
        {
            return null;
        }
        var rest = tag[(value + ValueAttribute.Length)..];
        var end = rest.IndexOf((byte)'"');
        return end <= 0 ? null : Encoding.ASCII.GetString(rest[..end]);
    }

    private void AddCookies(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
    }

    private void KeepCookies(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }
        foreach (var header in values)
        {
            var pair = header.AsSpan();
            var semicolon = pair.IndexOf(';');
            if (semicolon >= 0)
            {
                pair = pair[..semicolon];
            }
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }
            var name = pair[..equals].Trim().ToString();
            var value = pair[(equals + 1)..].Trim().ToString();
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        TaskCanceledException => "timeout",
        HttpRequestException { HttpRequestError: var kind } => $"connection: {kind}",
        _ => ex.GetType().Name,
    };

    private static int Micros(long from, long to) =>
        (int)Math.Min(int.MaxValue, (to - from) * 1_000_000 / Stopwatch.Frequency);

    public void Dispose()
    {
        _http.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }
}

/// <summary>
/// One completed request (baseline) or signature (GET + POST). <see cref="Sequence"/> and
/// <see cref="Slug"/> name the signature's email and campaign; -1 for the baseline.
/// </summary>
public readonly record struct Attempt(long Ended, int TotalMicros, int PostMicros, int Sequence, byte Slug, bool Ok);
