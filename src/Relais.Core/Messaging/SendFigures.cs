namespace Relais.Messaging;

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
