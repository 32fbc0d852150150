using Relais.Activities;

namespace Relais.Ladder;

/// <summary>
/// The ladder every organization starts with, after 350.org: weak engagement (aware) growing into
/// sustained engagement (leading a local group).
/// </summary>
public static class DefaultLadder
{
    public static IReadOnlyList<LadderLevel> For(Guid organizationId) =>
    [
        new()
        {
            OrganizationId = organizationId,
            Rank = 1,
            NameFr = "Informé",
            NameEn = "Aware",
            DescriptionFr = "Suit le mouvement : a accepté de recevoir nos nouvelles ou s'est abonné.",
            DescriptionEn = "Follows the movement: agreed to receive our updates or subscribed.",
            Rules = LadderRules.ToJson([new(LadderConditionType.EmailConsent), LadderCondition.Did(ActivityType.Subscribed)]),
        },
        new()
        {
            OrganizationId = organizationId,
            Rank = 2,
            NameFr = "Participant",
            NameEn = "Participant",
            DescriptionFr = "A agi au moins une fois : signé, donné, promis, répondu à un événement ou participé.",
            DescriptionEn = "Acted at least once: signed, donated, pledged, RSVPed or attended.",
            Rules = LadderRules.ToJson(
            [
                LadderCondition.Did(ActivityType.Signed),
                LadderCondition.Did(ActivityType.Donated),
                LadderCondition.Did(ActivityType.Pledged),
                LadderCondition.Did(ActivityType.Rsvped),
                LadderCondition.Did(ActivityType.Attended),
            ]),
        },
        new()
        {
            OrganizationId = organizationId,
            Rank = 3,
            NameFr = "Mobilisateur",
            NameEn = "Mobiliser",
            DescriptionFr = "Entraîne les autres : a partagé avec au moins une personne convaincue, organisé un événement, recruté trois personnes ou plus, ou utilisé la boîte à outils.",
            DescriptionEn = "Brings others in: shared with at least one conversion, hosted an event, recruited three or more people, or used the toolkit.",
            Rules = LadderRules.ToJson(
            [
                LadderCondition.Did(ActivityType.Referred, 3),
                LadderCondition.Did(ActivityType.Referred),
                LadderCondition.Did(ActivityType.Hosted),
                LadderCondition.Did(ActivityType.Submitted),
            ]),
        },
        new()
        {
            OrganizationId = organizationId,
            Rank = 4,
            NameFr = "Leader",
            NameEn = "Leader",
            DescriptionFr = "Anime un groupe local.",
            DescriptionEn = "Leads a local group.",
            Rules = LadderRules.ToJson([new(LadderConditionType.LeadsGroup)]),
        },
    ];
}
