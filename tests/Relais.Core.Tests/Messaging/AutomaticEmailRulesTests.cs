using System.Security.Cryptography;
using Relais.Messaging;

namespace Relais.Core.Tests.Messaging;

public class AutomaticEmailRulesTests
{
    [Fact]
    public void Validate_UnknownFields_NamesEachOne()
    {
        var errors = AutomaticEmailRules.Validate(EmailTemplateKinds.ThankYou, "Hi {{ frist_name }}", "", "Body {{ shoe_size }} {{ relay_link }}");

        Assert.Equal(["frist_name", "shoe_size"], errors.Select(e => e.Argument));
        Assert.All(errors, e => Assert.Equal(AutomaticEmailMessages.UnknownField, e.MessageKey));
    }

    [Fact]
    public void Validate_ConfirmationWithoutItsLink_Refused()
    {
        var errors = AutomaticEmailRules.Validate(EmailTemplateKinds.ConfirmSubscription, "Confirm", "", "Please confirm, {{ first_name }}.");

        var error = Assert.Single(errors);
        Assert.Equal((AutomaticEmailMessages.ConfirmLinkRequired, "{{ confirm_link }}"), (error.MessageKey, error.Argument));
    }

    [Fact]
    public void Validate_FieldWithoutValueInThatEmail_Refused()
    {
        var confirmation = AutomaticEmailRules.Validate(EmailTemplateKinds.ConfirmSubscription, "Confirm", "", "[Yes]({{ confirm_link }}) {{ relay_link }}");
        var thanks = AutomaticEmailRules.Validate(EmailTemplateKinds.ThankYou, "Thanks", "", "{{ confirm_link }}");

        Assert.Equal(("relay_link", AutomaticEmailMessages.FieldNotAvailable), (Assert.Single(confirmation).Argument, confirmation[0].MessageKey));
        Assert.Equal("confirm_link", Assert.Single(thanks).Argument);
        Assert.Empty(AutomaticEmailRules.Validate(EmailTemplateKinds.ConfirmSubscription, "Confirm, {{ first_name }}", "", "[Yes]({{ confirm_link }})"));
    }

    [Fact]
    public void CanDisable_OnlyTheThankYou() =>
        Assert.Equal((true, false), (AutomaticEmailRules.CanDisable(EmailTemplateKinds.ThankYou), AutomaticEmailRules.CanDisable(EmailTemplateKinds.ConfirmSubscription)));
}

public class EmailSettingsFormTests
{
    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(3, true)]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void Validate_WeeklyCap_WithinZeroAndFifty(int cap, bool valid) =>
        Assert.Equal(valid, new EmailSettingsForm { WeeklyCap = cap }.Validate(hasStoredKey: false).Count == 0);

    [Fact]
    public void Validate_KeyThatIsNotAPrivateRsaKey_Refused()
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create();
        Form(rsa.ExportSubjectPublicKeyInfoPem()).AssertRefused();
        Form(ec.ExportPkcs8PrivateKeyPem()).AssertRefused();
        Form("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----").AssertRefused();
        Assert.Empty(Form(rsa.ExportRSAPrivateKeyPem()).Validate(hasStoredKey: false));
        Assert.Empty(Form(DkimKeys.Generate()).Validate(hasStoredKey: false));
    }

    [Fact]
    public void Validate_DkimPartlyGiven_Refused()
    {
        var noKey = new EmailSettingsForm { DkimDomain = "amis.example", DkimSelector = "s1" };

        Assert.Contains(noKey.Validate(hasStoredKey: false), e => e.MessageKey == EmailSettingsMessages.DkimIncomplete);
        Assert.Empty(noKey.Validate(hasStoredKey: true));
        Assert.Contains(new EmailSettingsForm { DkimDomain = "not a domain", DkimSelector = "s1" }.Validate(true), e => e.MessageKey == EmailSettingsMessages.InvalidDomain);
    }

    [Fact]
    public void RecordValue_PublicHalfOfTheKey()
    {
        var pem = DkimKeys.Generate();
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);

        Assert.Equal("v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()), DkimKeys.RecordValue(pem));
        Assert.Equal("s1._domainkey.amis.example", DkimKeys.RecordName("amis.example", "s1"));
    }

    private static EmailSettingsForm Form(string key) => new() { DkimDomain = "amis.example", DkimSelector = "s1", DkimPrivateKeyPem = key };
}

internal static class EmailSettingsFormAssertions
{
    public static void AssertRefused(this EmailSettingsForm form) =>
        Assert.Contains(form.Validate(hasStoredKey: false), e => e.MessageKey == EmailSettingsMessages.InvalidKey);
}
