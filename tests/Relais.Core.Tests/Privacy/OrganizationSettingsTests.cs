using Relais.Organizations;

namespace Relais.Core.Tests.Privacy;

public class OrganizationSettingsTests
{
    private static Organization Organization() => new()
    {
        Name = "Les Amis",
        Slug = "amis",
        ConsentWordingFr = "J'accepte",
        ConsentWordingEn = "I agree",
        ConsentWordingVersion = 2,
    };

    [Fact]
    public void ApplyTo_ChangedWording_BumpsTheVersion()
    {
        var organization = Organization();

        (OrganizationSettings.From(organization) with { ConsentWordingEn = "I agree, truly" }).ApplyTo(organization);

        Assert.Equal(("I agree, truly", 3), (organization.ConsentWordingEn, organization.ConsentWordingVersion));
    }

    [Fact]
    public void ApplyTo_SameWordingWithSpaces_KeepsTheVersion()
    {
        var organization = Organization();

        (OrganizationSettings.From(organization) with { ConsentWordingFr = " J'accepte ", RetentionMonths = 12 }).ApplyTo(organization);

        Assert.Equal((2, 12), (organization.ConsentWordingVersion, organization.RetentionMonths));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(120, true)]
    [InlineData(121, false)]
    public void Validate_RetentionMonths_InRange(int months, bool valid)
    {
        var errors = (OrganizationSettings.From(Organization()) with { RetentionMonths = months }).Validate();

        Assert.Equal(valid, errors.All(e => e.Field != nameof(OrganizationSettings.RetentionMonths)));
    }

    [Fact]
    public void Validate_EmptyNameAndWording_Refused()
    {
        var errors = new OrganizationSettings { Name = " ", ConsentWordingFr = "", ConsentWordingEn = new string('x', 2_001), RetentionMonths = 36 }.Validate();

        Assert.Equal(["ConsentWordingEn", "ConsentWordingFr", "Name"], errors.Select(e => e.Field).Order().ToList());
    }

    [Fact]
    public void Validate_NameWithLineBreak_Refused()
    {
        var errors = (OrganizationSettings.From(Organization()) with { Name = "Les Amis\r\nBcc: x@example.org" }).Validate();

        Assert.Equal(nameof(OrganizationSettings.Name), Assert.Single(errors).Field);
    }
}
