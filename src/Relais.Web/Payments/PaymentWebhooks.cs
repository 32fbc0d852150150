using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Relais.Payments;

namespace Relais.Web.Payments;

/// <summary>
/// POST /payments/{provider}/webhooks/{organizationId}: the signature is verified on the raw bytes
/// BEFORE anything is parsed or written; a refused delivery writes nothing.
/// </summary>
public static class PaymentWebhooks
{
    public static string PathFor(string provider, Guid organizationId) => $"/payments/{provider}/webhooks/{organizationId}";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/payments/{provider}/webhooks/{organizationId:guid}", HandleAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> HandleAsync(
        string provider, Guid organizationId, HttpRequest request, PaymentAccounts accounts, PayPalCertificates certificates,
        SettlementWriter settlement, IOptions<PaymentsOptions> options, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(PaymentWebhooks));
        if (!PaymentProviders.IsOnline(provider))
        {
            return Results.NotFound();
        }
        var account = await accounts.GetAsync(organizationId, provider, ct);
        if (account is null)
        {
            return Results.NotFound();
        }
        var body = await ReadBodyAsync(request, options.Value.MaxWebhookBytes, ct);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        var verdict = await VerifyAsync(provider, account, request, body, certificates, options.Value, clock.GetUtcNow(), logger, ct);
        if (verdict != WebhookVerdict.Valid)
        {
            logger.LogWarning("{Provider} webhook for organization {OrganizationId} refused: {Verdict}.", provider, organizationId, verdict);
            return verdict == WebhookVerdict.NotConfigured
                ? Results.NotFound()
                : Results.Text($"refused: {verdict}", statusCode: verdict is WebhookVerdict.BadSignature or WebhookVerdict.MissingSignature ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest);
        }
        PaymentNotification notification;
        try
        {
            notification = provider switch
            {
                PaymentProviders.Stripe => StripeEvents.Parse(body),
                PaymentProviders.HelloAsso => HelloAssoEvents.Parse(body),
                _ => PayPalEvents.Parse(body),
            };
        }
        catch (MalformedNotificationException e)
        {
            return Results.Text("unreadable event: " + e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        var result = await settlement.SettleAsync(new SettlementItem(organizationId, provider, notification), ct);
        return Results.Text(result switch
        {
            SettlementResult.AlreadyHandled => "already handled",
            SettlementResult.Moved => "ok",
            SettlementResult.AmountMismatch => "recorded: amount or currency does not match the donation",
            SettlementResult.UnknownPayment => "recorded: no such donation",
            _ => "recorded, ignored",
        });
    }

    private static async Task<WebhookVerdict> VerifyAsync(
        string provider, PaymentAccount account, HttpRequest request, byte[] body, PayPalCertificates certificates,
        PaymentsOptions options, DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        switch (provider)
        {
            case PaymentProviders.Stripe:
                return account.WebhookSecret is { } secret
                    ? StripeSignature.Verify(request.Headers[StripeSignature.Header].ToString(), body, secret, now)
                    : WebhookVerdict.NotConfigured;
            case PaymentProviders.HelloAsso:
                return account.UrlToken is { } token
                    ? HelloAssoSignature.Verify(request.Query["token"].ToString(), token, request.Headers[HelloAssoSignature.Header].ToString(), body, account.WebhookSecret)
                    : WebhookVerdict.NotConfigured;
            default:
                if (account.WebhookId is not { Length: > 0 } webhookId)
                {
                    return WebhookVerdict.NotConfigured;
                }
                var headers = request.Headers;
                string id = headers[PayPalSignature.TransmissionIdHeader].ToString(), time = headers[PayPalSignature.TransmissionTimeHeader].ToString(),
                    signature = headers[PayPalSignature.TransmissionSigHeader].ToString(), certUrl = headers[PayPalSignature.CertUrlHeader].ToString();
                var algorithm = headers.ContainsKey(PayPalSignature.AuthAlgoHeader) ? headers[PayPalSignature.AuthAlgoHeader].ToString() : null;
                var checkedHeaders = PayPalSignature.CheckHeaders(id, time, signature, algorithm, now);
                if (checkedHeaders != WebhookVerdict.Valid)
                {
                    return checkedHeaders;
                }
                if (!PayPalSignature.IsTrustedCertUrl(certUrl, options.PayPalCertificateHosts))
                {
                    return WebhookVerdict.UntrustedCertificate;
                }
                try
                {
                    var certificate = await certificates.GetAsync(certUrl, ct);
                    return PayPalSignature.Verify(PayPalSignature.Message(id, time, webhookId, body), signature, certificate, now);
                }
                catch (Exception e) when (e is HttpRequestException or CryptographicException or TaskCanceledException)
                {
                    logger.LogWarning(e, "PayPal certificate {Url} could not be read.", certUrl);
                    return WebhookVerdict.UntrustedCertificate;
                }
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int max, CancellationToken ct)
    {
        if (request.ContentLength > max)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
