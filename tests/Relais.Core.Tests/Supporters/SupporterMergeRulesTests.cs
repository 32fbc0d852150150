using Relais.Consents;
using Relais.Groups;
using Relais.Supporters;

namespace Relais.Core.Tests.Supporters;

public class SupporterMergeRulesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Ana", "Anna", "Ana")]
    [InlineData("", "Anna", "Anna")]
    [InlineData("  ", "Anna", "Anna")]
    [InlineData(null, "Anna", "Anna")]
    [InlineData(null, "", null)]
    [InlineData("Ana", null, "Ana")]
    public void Fill_SurvivorValueKeptUnlessEmpty(string? survivor, string? other, string? expected) =>
        Assert.Equal(expected, SupporterMergeRules.Fill(survivor, other));

    [Fact]
    public void FillContact_EmptyFieldsTakenFromOther_FilledOnesAndEmailKept()
    {
        var survivor = new Supporter { Email = "ana@example.org", NormalizedEmail = "ana@example.org", FirstName = "Ana", PostalCode = "75011" };
        var other = new Supporter
        {
            Email = "a.martin@example.org",
            NormalizedEmail = "a.martin@example.org",
            FirstName = "Anna",
            LastName = "Martin",
            PostalCode = "69007",
            City = "Lyon",
            Phone = "+33 6 00 00 00 00",
            Country = "FR",
        };

        SupporterMergeRules.FillContact(survivor, other);

        Assert.Equal(
            ("ana@example.org", "Ana", "Martin", "75011", "Lyon", "+33 6 00 00 00 00", "FR"),
            (survivor.Email, survivor.FirstName, survivor.LastName, survivor.PostalCode, survivor.City, survivor.Phone, survivor.Country));
    }

    [Theory]
    [InlineData(GroupRole.Member, GroupRole.Member, GroupRole.Member)]
    [InlineData(GroupRole.Member, GroupRole.Leader, GroupRole.Leader)]
    [InlineData(GroupRole.Leader, GroupRole.Member, GroupRole.Leader)]
    public void Strongest_LeaderWins(GroupRole a, GroupRole b, GroupRole expected) =>
        Assert.Equal(expected, SupporterMergeRules.Strongest(a, b));

    [Fact]
    public void EmailConsentFrom_LatestRowDecides()
    {
        Assert.Equal(EmailConsentState.Granted, SupporterMergeRules.EmailConsentFrom(Row(granted: true), EmailConsentState.None));
        Assert.Equal(EmailConsentState.Pending, SupporterMergeRules.EmailConsentFrom(Row(granted: true, awaiting: true), EmailConsentState.Granted));
        Assert.Equal(EmailConsentState.Withdrawn, SupporterMergeRules.EmailConsentFrom(Row(granted: false), EmailConsentState.Granted));
        Assert.Equal(EmailConsentState.Withdrawn, SupporterMergeRules.EmailConsentFrom(null, EmailConsentState.Withdrawn));
    }

    [Fact]
    public void LatestEmailUpdates_IgnoresOtherPurposesAndTakesTheMostRecent()
    {
        var grant = Row(granted: true, at: Monday);
        var withdrawal = Row(granted: false, at: Monday.AddDays(2));
        var signature = Row(granted: true, at: Monday.AddDays(5), purpose: ConsentPurposes.PetitionSignature);

        Assert.Same(withdrawal, SupporterMergeRules.LatestEmailUpdates([grant, signature, withdrawal]));
        Assert.Null(SupporterMergeRules.LatestEmailUpdates([signature]));
    }

    [Fact]
    public void Union_DuplicateMemberships_KeepsTheEarliestWithTheStrongestRole()
    {
        var survivor = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();
        var lyon = Guid.CreateVersion7();
        var paris = Guid.CreateVersion7();
        GroupMembership[] rows =
        [
            new() { GroupId = lyon, SupporterId = survivor, Role = GroupRole.Member, JoinedAt = Monday.AddDays(3) },
            new() { GroupId = lyon, SupporterId = other, Role = GroupRole.Leader, JoinedAt = Monday.AddDays(7) },
            new() { GroupId = paris, SupporterId = other, Role = GroupRole.Member, JoinedAt = Monday },
        ];

        var merged = SupporterMergeRules.Union(rows, m => m.GroupId, m => m.JoinedAt, (kept, next) => new GroupMembership
        {
            GroupId = kept.GroupId,
            SupporterId = kept.SupporterId,
            JoinedAt = kept.JoinedAt,
            Role = SupporterMergeRules.Strongest(kept.Role, next.Role),
        });

        Assert.Equal(2, merged.Count);
        var inLyon = merged.Single(m => m.GroupId == lyon);
        Assert.Equal((Monday.AddDays(3), GroupRole.Leader), (inLyon.JoinedAt, inLyon.Role));
        Assert.Equal(Monday, merged.Single(m => m.GroupId == paris).JoinedAt);
    }

    private static Consent Row(bool granted, bool awaiting = false, DateTimeOffset? at = null, string purpose = ConsentPurposes.EmailUpdates) => new()
    {
        Purpose = purpose,
        Granted = granted,
        AwaitingConfirmation = awaiting,
        Wording = "w",
        Source = "test",
        RecordedAt = at ?? Monday,
    };
}
