using Bogus;
using Relais.Groups;
using Relais.Ladder;
using Relais.Petitions;
using Relais.Supporters;

namespace Relais.Demo;

/// <summary>
/// The demo's engagement ladder: the default levels, the day-of-action petition offered as the
/// Mobiliser step, a local group with its leaders, and the moves that took the signers up (and a
/// few back down) over the demo weeks, so that the ladder report has a shape.
/// </summary>
internal sealed record DemoLadder(
    IReadOnlyList<LadderLevel> Levels,
    IReadOnlyList<LadderMove> Moves,
    LocalGroup Group,
    IReadOnlyList<GroupMembership> Memberships)
{
    /// <summary>The campaign whose petition stands on the Mobiliser level: hosting a local day of action.</summary>
    public const string MobiliserSlug = "350-journee-action";

    private const double MobiliserShare = 0.06;
    private const double LeaderShare = 0.012;
    private const double DownShare = 0.02;
    private const double MemberShare = 0.03;

    public static DemoLadder Generate(
        Guid organizationId, IReadOnlyList<Supporter> supporters, IReadOnlyList<Petition> petitions, IReadOnlyList<DemoStory> stories,
        Randomizer random, DateTimeOffset now)
    {
        for (var s = 0; s < stories.Count; s++)
        {
            if (stories[s].Slug == MobiliserSlug)
            {
                petitions[s].LadderRank = 3;
            }
        }
        var group = new LocalGroup
        {
            OrganizationId = organizationId,
            Name = "350 Paris",
            Place = "Paris",
            Country = "FR",
            PostalCodePrefix = "75",
            CreatedAt = supporters.Count > 0 ? supporters.Min(s => s.CreatedAt) : now,
        };
        var moves = new List<LadderMove>(supporters.Count + supporters.Count / 10);
        var memberships = new List<GroupMembership>();
        foreach (var supporter in supporters)
        {
            // Every demo supporter signed, which makes them a Participant from their first signature.
            moves.Add(Move(supporter, 0, 2, supporter.CreatedAt, "Signed at least 1"));
            var rank = 2;
            var draw = random.Double();
            if (draw < MobiliserShare)
            {
                // Their shares brought people in; the referrals themselves are not part of the demo data.
                var up = Between(random, supporter.CreatedAt, now);
                moves.Add(Move(supporter, 2, 3, up, "Referred at least 1"));
                rank = 3;
                if (draw < LeaderShare)
                {
                    var lead = Between(random, up, now);
                    moves.Add(Move(supporter, 3, 4, lead, "leads a local group"));
                    memberships.Add(new GroupMembership
                    {
                        GroupId = group.Id,
                        SupporterId = supporter.Id,
                        OrganizationId = organizationId,
                        Role = GroupRole.Leader,
                        JoinedAt = lead,
                    });
                    rank = 4;
                }
                else if (draw < LeaderShare + DownShare)
                {
                    moves.Add(Move(supporter, 3, 2, Between(random, up, now), "rules changed"));
                    rank = 2;
                }
            }
            else if (draw < MobiliserShare + MemberShare)
            {
                memberships.Add(new GroupMembership
                {
                    GroupId = group.Id,
                    SupporterId = supporter.Id,
                    OrganizationId = organizationId,
                    JoinedAt = Between(random, supporter.CreatedAt, now),
                });
            }
            supporter.LadderRank = rank;
            supporter.LadderEvaluatedAt = now;
        }
        return new DemoLadder(DefaultLadder.For(organizationId), moves, group, memberships);
    }

    private static LadderMove Move(Supporter supporter, int from, int to, DateTimeOffset at, string reason) => new()
    {
        Id = Guid.CreateVersion7(at),
        OrganizationId = supporter.OrganizationId,
        SupporterId = supporter.Id,
        FromRank = from,
        ToRank = to,
        MovedAt = at,
        Reason = reason,
    };

    private static DateTimeOffset Between(Randomizer random, DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? from : from + TimeSpan.FromTicks((long)((to - from).Ticks * random.Double()));
}
