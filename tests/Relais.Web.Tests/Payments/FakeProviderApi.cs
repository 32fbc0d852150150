using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Relais.Web.Tests.Payments;

/// <summary>A stand-in for Stripe, HelloAsso and PayPal on 127.0.0.1 that records every request: no call leaves the machine.</summary>
public sealed class FakeProviderApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeProviderApi(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public sealed record RecordedRequest(string Method, string Path, string? Authorization, IReadOnlyDictionary<string, string> Headers, string Body);

    public static FakeProviderApi Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeProviderApi? fake = null;
        app.Use(async (context, next) =>
        {
            // Buffered, so that an endpoint can read the body again after it is recorded.
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync();
            context.Request.Body.Position = 0;
            fake!.Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "",
                context.Request.Headers.Authorization.ToString(),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            await next(context);
        });
        app.MapPost("/v1/checkout/sessions", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            // A donor whose address starts with "unavailable" meets a Stripe that is down.
            if (form["customer_email"].ToString().StartsWith("unavailable", StringComparison.Ordinal))
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            var id = "cs_test_" + Guid.Parse(form["client_reference_id"].ToString()).ToString("N");
            return Results.Json(new { id, url = "https://checkout.stripe.com/c/pay/" + id });
        });
        app.MapPost("/oauth2/token", () => Results.Json(new { access_token = "ha-token", expires_in = 1800, token_type = "bearer" }));
        app.MapPost("/v5/organizations/{slug}/checkout-intents", () => Results.Json(new { id = 4567, redirectUrl = "https://www.helloasso-sandbox.com/checkout/4567" }));
        app.MapPost("/v1/oauth2/token", () => Results.Json(new { access_token = "pp-token", expires_in = 32400, token_type = "Bearer" }));
        app.MapPost("/v2/checkout/orders", () => Results.Json(new
        {
            id = "ORDER-1",
            status = "CREATED",
            links = new[] { new { href = "https://www.sandbox.paypal.com/checkoutnow?token=ORDER-1", rel = "approve", method = "GET" } },
        }));
        app.MapPost("/v2/checkout/orders/{id}/capture", (string id) => Results.Json(new
        {
            id,
            status = "COMPLETED",
            purchase_units = new[]
            {
                new { payments = new { captures = new[] { new { id = "CAP-1", status = "COMPLETED", custom_id = CaptureCustomId, amount = new { currency_code = "EUR", value = CaptureValue } } } } },
            },
        }));
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake = new FakeProviderApi(app, address);
        return fake;
    }

    /// <summary>What the fake PayPal says was captured (set by a test before the donor returns).</summary>
    public static string CaptureCustomId { get; set; } = "";
    public static string CaptureValue { get; set; } = "10.00";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
