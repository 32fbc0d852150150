namespace Relais.Giving;

/// <summary>
/// A webhook event already handled, unique per provider and event id: the same event delivered
/// twice is recognised and counts once.
/// </summary>
public sealed class PaymentEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? OrganizationId { get; set; }
    public required string Provider { get; set; }
    public required string EventId { get; set; }
    public required string Type { get; set; }
    public Guid? DonationId { get; set; }
    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;
}
