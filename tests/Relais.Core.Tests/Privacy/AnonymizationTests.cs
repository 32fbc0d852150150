using Relais.Consents;
using Relais.Privacy;
using Relais.Supporters;

namespace Relais.Core.Tests.Privacy;

public class AnonymizationTests
{
    private static Supporter Person() => new()
    {
        OrganizationId = Guid.CreateVersion7(),
        Email = "Ana@Example.org",
        NormalizedEmail = "ana@example.org",
        FirstName = "Ana",
        LastName = "Martin",
        PostalCode = "75011",
        City = "Paris",
        Phone = "+33 6 12 34 56 78",
        Country = "FR",
        Language = "en",
        EmailConsent = EmailConsentState.Granted,
        LadderRank = 3,
    };

    [Fact]
    public void Apply_Supporter_RemovesEveryPersonalField()
    {
        var supporter = Person();
        var now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

        Anonymization.Apply(supporter, now);

        Assert.Equal($"erased-{supporter.Id:N}@erased.invalid", supporter.Email);
        Assert.Equal(supporter.Email, supporter.NormalizedEmail);
        Assert.Equal(("", ""), (supporter.FirstName, supporter.LastName));
        Assert.Null(supporter.PostalCode);
        Assert.Null(supporter.City);
        Assert.Null(supporter.Phone);
        Assert.Equal(EmailConsentState.None, supporter.EmailConsent);
        Assert.Equal(now, supporter.ErasedAt);
    }

    [Fact]
    public void Apply_Supporter_KeepsWhatAggregateReportsCount()
    {
        var supporter = Person();

        Anonymization.Apply(supporter, DateTimeOffset.UnixEpoch);

        Assert.Equal(("FR", "en", 3), (supporter.Country, supporter.Language, supporter.LadderRank));
    }

    [Fact]
    public void ErasedEmail_TwoSupporters_DifferAndAreNotValidAddressesOfAnyone()
    {
        var first = Anonymization.ErasedEmail(Guid.CreateVersion7());
        var second = Anonymization.ErasedEmail(Guid.CreateVersion7());

        Assert.NotEqual(first, second);
        Assert.EndsWith("@erased.invalid", first);
        Assert.True(first.Length <= EmailAddress.MaxLength);
    }

    [Fact]
    public void Hash_NormalizedEmail_IsStableHexAndNotTheAddress()
    {
        var hash = SuppressedEmail.Hash("ana@example.org");

        Assert.Equal(hash, SuppressedEmail.Hash(EmailAddress.Normalize(" Ana@Example.ORG ")));
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.DoesNotContain("ana", hash);
    }

    [Theory]
    [InlineData(36, "2023-11-21")]
    [InlineData(1, "2026-10-21")]
    public void Cutoff_RetentionMonths_CountsBackFromNow(int months, string expected)
    {
        var now = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(DateTimeOffset.Parse(expected + "T00:00:00Z"), Retention.Cutoff(now, months));
    }
}
