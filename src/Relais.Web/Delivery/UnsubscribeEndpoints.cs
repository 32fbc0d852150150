using Relais.Web.Messaging;

namespace Relais.Web.Delivery;

public static class UnsubscribeEndpoints
{
    /// <summary>
    /// /u/{token}/preferences: the email's preferences link leads to the usual preferences page,
    /// through a fresh single-person token (the signed link itself never expires).
    /// </summary>
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/u/{token}/preferences", async (string token, RecipientLinks links, Unsubscriptions unsubscriptions, CancellationToken ct) =>
        {
            if (!links.TryReadUnsubscribe(token, out var supporterId, out _)
                || await unsubscriptions.PreferencesSecretAsync(supporterId, ct) is not { } secret)
            {
                return Results.NotFound();
            }
            return Results.Redirect("/preferences/" + secret);
        });
        return app;
    }
}
