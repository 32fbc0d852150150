using Relais.Consents;

namespace Relais.Core.Tests.Privacy;

public class EmailConsentRulesTests
{
    [Theory]
    [InlineData(EmailConsentState.None, false, EmailConsentState.Granted)]
    [InlineData(EmailConsentState.None, true, EmailConsentState.Pending)]
    [InlineData(EmailConsentState.Withdrawn, true, EmailConsentState.Pending)]
    [InlineData(EmailConsentState.Pending, false, EmailConsentState.Granted)]
    [InlineData(EmailConsentState.Granted, true, EmailConsentState.Granted)]
    public void AfterOptIn_StateAndRule_NeverDowngradesGranted(EmailConsentState current, bool doubleOptIn, EmailConsentState expected)
    {
        Assert.Equal(expected, EmailConsentRules.AfterOptIn(current, doubleOptIn));
        Assert.Equal(expected == EmailConsentState.Pending, EmailConsentRules.NeedsConfirmation(current, doubleOptIn));
    }

    [Fact]
    public void Wording_EachLanguage_NamesTheOrganization()
    {
        Assert.StartsWith("Keep me informed", EmailUpdatesWording.For("en", "Les Amis"));
        Assert.Contains("Les Amis", EmailUpdatesWording.For("fr", "Les Amis"));
        Assert.NotEqual(EmailUpdatesWording.For("fr", "x"), EmailUpdatesWording.For("en", "x"));
    }
}
