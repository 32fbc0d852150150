using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;

namespace Relais.Web.Payments;

/// <summary>
/// PayPal's signing certificates by URL, fetched once and kept: PayPal signs with few certificates,
/// and fetching one per event would put PayPal's latency in every delivery. The URL is checked
/// (https, paypal.com) before this is asked.
/// </summary>
public class PayPalCertificates(IHttpClientFactory http)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<X509Certificate2>>> _certificates = new(StringComparer.Ordinal);

    public Task<X509Certificate2> GetAsync(string url, CancellationToken ct) =>
        _certificates.GetOrAdd(url, u => new Lazy<Task<X509Certificate2>>(() => FetchAsync(u, ct))).Value;

    /// <summary>Puts a certificate in the cache (tests, and an operator who pins one).</summary>
    public void Add(string url, X509Certificate2 certificate) =>
        _certificates[url] = new Lazy<Task<X509Certificate2>>(Task.FromResult(certificate));

    private async Task<X509Certificate2> FetchAsync(string url, CancellationToken ct)
    {
        try
        {
            var pem = await http.CreateClient(PaymentsSetup.HttpClientName).GetStringAsync(new Uri(url), ct);
            return X509Certificate2.CreateFromPem(pem);
        }
        catch
        {
            // A failed fetch is not kept: the next delivery tries again.
            _certificates.TryRemove(url, out _);
            throw;
        }
    }
}
