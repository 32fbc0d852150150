using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Hosting;
using Relais.Web.Members;

namespace Relais.Web.Delivery;

/// <summary>A send's figures, read from the message's running totals (never a count over its recipients).</summary>
public sealed record SendFigures(string Status, int Recipients, int Queued, int Sent, int Failed, int Bounced, int Skipped, int Unsubscribed)
{
    public static SendFigures Of(Message m)
    {
        // Cancelled rows never left the queue; they count as neither queued nor sent.
        var done = m.SentCount + m.FailedCount + m.BouncedCount + m.SkippedCount;
        var queued = m.Status == MessageStatus.Cancelled ? 0 : Math.Max(0, m.RecipientCount - done);
        return new(m.Status.ToString(), m.RecipientCount, queued, m.SentCount, m.FailedCount, m.BouncedCount, m.SkippedCount, m.UnsubscribedCount);
    }

    /// <summary>A share of the recipients in percent, for the bar.</summary>
    public double Percent(int part) => Recipients == 0 ? 0 : Math.Round(part * 100.0 / Recipients, 2);
}

public static class SendProgress
{
    public static IEndpointRouteBuilder MapSendProgress(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/messages/{id:guid}/progress.json", async (Guid id, RelaisDb db, CurrentOrganization organization, CancellationToken ct) =>
        {
            var message = await db.Messages.AsNoTracking().InOrganization(organization.Id).SingleOrDefaultAsync(m => m.Id == id, ct);
            return message is null ? Results.NotFound() : Results.Json(SendFigures.Of(message));
        }).RequireAuthorization(Policies.Member);
        return app;
    }
}
