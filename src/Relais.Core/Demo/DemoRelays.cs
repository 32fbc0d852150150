using Bogus;
using Relais.Activities;
using Relais.Petitions;
using Relais.Relays;
using Relais.Sharing;
using Relais.Supporters;

namespace Relais.Demo;

/// <summary>
/// The demo's relays (Critical Exposure asked supporters to be relays first): a few early signers
/// of each petition share it, some of the people they bring share in turn, so the relay report
/// has clicks per network, conversions, a tree a few levels deep and a viral
/// coefficient; some relays chose to appear on the public board. (Shares are the share kit's.)
/// </summary>
internal sealed record DemoRelays(IReadOnlyList<Activity> Activities, IReadOnlyList<RelayClick> Clicks)
{
    private const double FirstRelayShare = 0.02;
    private const double BroughtShare = 0.22;
    private const double BroughtBecomesRelayShare = 0.3;
    private const double BoardShare = 0.5;

    private static readonly string[] Networks = [ShareNetworks.WhatsApp, ShareNetworks.Facebook, ShareNetworks.X, ShareNetworks.Email, ShareNetworks.Telegram, ShareNetworks.Bluesky];

    public static DemoRelays Generate(
        IReadOnlyList<Supporter> supporters, IReadOnlyList<Activity> signed, IReadOnlyList<Petition> petitions, Randomizer random)
    {
        var byId = supporters.ToDictionary(s => s.Id);
        var activities = new List<Activity>();
        var clicks = new List<RelayClick>();
        foreach (var petition in petitions)
        {
            var signatures = signed.Where(a => a.ActionId == petition.Id).OrderBy(a => a.OccurredAt).ToList();
            var relays = new List<Guid>();
            for (var i = 0; i < signatures.Count; i++)
            {
                var signature = signatures[i];
                var supporter = byId[signature.SupporterId];
                var isNew = supporter.CreatedAt == signature.OccurredAt;
                if (relays.Count > 0 && random.Bool((float)BroughtShare))
                {
                    // Recent relays share more: pick among the last ones, so that chains form.
                    var relay = relays[random.Int(Math.Max(0, relays.Count - 12), relays.Count - 1)];
                    if (relay == supporter.Id)
                    {
                        continue;
                    }
                    var network = Networks[random.Int(0, Networks.Length - 1)];
                    for (var c = random.Int(1, 5); c > 0; c--)
                    {
                        clicks.Add(Click(petition, relay, network, signature.OccurredAt.AddMinutes(-random.Int(1, 600))));
                    }
                    activities.Add(new Activity
                    {
                        Id = Guid.CreateVersion7(signature.OccurredAt),
                        OrganizationId = petition.OrganizationId,
                        SupporterId = relay,
                        Type = ActivityType.Referred,
                        CampaignId = petition.CampaignId,
                        ActionId = petition.Id,
                        ReferredSupporterId = supporter.Id,
                        OccurredAt = signature.OccurredAt,
                        Source = "demo",
                    });
                    // A credit is an action of the relay, as in the signature intake.
                    if (byId[relay].LastActiveAt < signature.OccurredAt)
                    {
                        byId[relay].LastActiveAt = signature.OccurredAt;
                    }
                    if (isNew && supporter.ReferredById is null)
                    {
                        supporter.ReferredById = relay;
                    }
                    if (random.Bool((float)BroughtBecomesRelayShare))
                    {
                        relays.Add(supporter.Id);
                    }
                }
                else if (random.Bool((float)FirstRelayShare) || relays.Count == 0)
                {
                    relays.Add(supporter.Id);
                    if (random.Bool((float)BoardShare))
                    {
                        supporter.ShowOnRelayBoard = true;
                        supporter.RelayBoardName = RelayBoardNames.Default(supporter.FirstName, supporter.LastName);
                    }
                }
                // Clicks that led to no signature.
                if (relays.Count > 0 && random.Bool(0.3f))
                {
                    clicks.Add(Click(petition, relays[random.Int(0, relays.Count - 1)], Networks[random.Int(0, Networks.Length - 1)], signature.OccurredAt));
                }
            }
        }
        return new DemoRelays(activities, clicks);
    }

    private static RelayClick Click(Petition petition, Guid relay, string network, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        OrganizationId = petition.OrganizationId,
        RelayId = relay,
        CampaignId = petition.CampaignId,
        ActionId = petition.Id,
        Network = network,
        ClickedAt = at,
    };
}
