using Relais.Supporters;

namespace Relais.Core.Tests.Supporters;

public class EmailAddressTests
{
    [Theory]
    [InlineData("  Ana@Example.ORG ", "ana@example.org")]
    [InlineData("ana@example.org", "ana@example.org")]
    [InlineData("\tJÉRÔME@exemple.fr\n", "jérôme@exemple.fr")]
    public void Normalize_CaseAndSpaces_GiveOneAddress(string typed, string expected) =>
        Assert.Equal(expected, EmailAddress.Normalize(typed));

    [Theory]
    [InlineData("ana@example.org")]
    [InlineData(" ana.maria+relais@sub.example.org ")]
    [InlineData("o'neil@example.ie")]
    public void IsValid_RealAddresses_Accepted(string email) => Assert.True(EmailAddress.IsValid(email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ana")]
    [InlineData("ana@")]
    [InlineData("@example.org")]
    [InlineData("ana@example")]
    [InlineData("ana@@example.org")]
    [InlineData("ana @example.org")]
    [InlineData("Ana <ana@example.org>")]
    [InlineData("ana@example..org")]
    [InlineData("<script>@x.org")]
    public void IsValid_Malformed_Refused(string? email) => Assert.False(EmailAddress.IsValid(email));

    [Fact]
    public void IsValid_OverLong_Refused() =>
        Assert.False(EmailAddress.IsValid(new string('a', 250) + "@example.org"));
}
