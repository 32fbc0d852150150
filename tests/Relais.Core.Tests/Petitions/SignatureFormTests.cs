using Relais.Petitions;

namespace Relais.Core.Tests.Petitions;

public class SignatureFormTests
{
    private static readonly SignatureForm Valid = new()
    {
        FirstName = "Ana",
        LastName = "Bērziņa",
        Email = "ana@example.org",
        PostalCode = "75011",
        Country = "FR",
        Comment = "Je signe.\nMerci !",
        Consent = true,
    };

    private static SignatureForm With(string field, string? value) => field switch
    {
        nameof(SignatureForm.FirstName) => Valid with { FirstName = value },
        nameof(SignatureForm.LastName) => Valid with { LastName = value },
        nameof(SignatureForm.Email) => Valid with { Email = value },
        nameof(SignatureForm.PostalCode) => Valid with { PostalCode = value },
        nameof(SignatureForm.Country) => Valid with { Country = value },
        nameof(SignatureForm.Comment) => Valid with { Comment = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Fact]
    public void Validate_CompleteForm_NoError() => Assert.Empty(Valid.Validate());

    [Fact]
    public void Validate_NoCommentNoPostalCodeSpaces_NoError() =>
        Assert.Empty((Valid with { Comment = null, PostalCode = "  75011 " }).Validate());

    [Theory]
    [InlineData(nameof(SignatureForm.FirstName), null, FormMessages.Required)]
    [InlineData(nameof(SignatureForm.FirstName), "", FormMessages.Required)]
    [InlineData(nameof(SignatureForm.FirstName), "   ", FormMessages.Required)]
    [InlineData(nameof(SignatureForm.LastName), null, FormMessages.Required)]
    [InlineData(nameof(SignatureForm.LastName), " \t ", FormMessages.Required)]
    [InlineData(nameof(SignatureForm.Email), null, FormMessages.EmailRequired)]
    [InlineData(nameof(SignatureForm.Email), "  ", FormMessages.EmailRequired)]
    [InlineData(nameof(SignatureForm.PostalCode), null, FormMessages.Required)]
    [InlineData(nameof(SignatureForm.PostalCode), "   ", FormMessages.Required)]
    [InlineData(nameof(SignatureForm.Country), null, FormMessages.CountryRequired)]
    [InlineData(nameof(SignatureForm.Country), "", FormMessages.CountryRequired)]
    [InlineData(nameof(SignatureForm.Country), "  ", FormMessages.CountryRequired)]
    public void Validate_MissingField_GivesFieldAndKey(string field, string? value, string key) =>
        Assert.Equal(new FormError(field, key), Assert.Single(With(field, value).Validate()));

    [Fact]
    public void Validate_NoConsent_GivesConsentRequired() =>
        Assert.Equal(
            new FormError(nameof(SignatureForm.Consent), FormMessages.ConsentRequired),
            Assert.Single((Valid with { Consent = false }).Validate()));

    [Fact]
    public void Validate_EmptyForm_OneErrorPerRequiredField()
    {
        var fields = new SignatureForm().Validate().Select(e => e.Field);

        Assert.Equal(
            new[] { "FirstName", "LastName", "Email", "PostalCode", "Country", "Consent" },
            fields);
    }

    [Theory]
    [InlineData(nameof(SignatureForm.FirstName), SignatureForm.NameMax)]
    [InlineData(nameof(SignatureForm.LastName), SignatureForm.NameMax)]
    [InlineData(nameof(SignatureForm.PostalCode), SignatureForm.PostalCodeMax)]
    [InlineData(nameof(SignatureForm.Comment), SignatureForm.CommentMax)]
    public void Validate_OneOverMax_GivesTooLong(string field, int max) =>
        Assert.Equal(
            new FormError(field, FormMessages.TooLong),
            Assert.Single(With(field, new string('a', max + 1)).Validate()));

    [Theory]
    [InlineData(nameof(SignatureForm.FirstName), SignatureForm.NameMax)]
    [InlineData(nameof(SignatureForm.LastName), SignatureForm.NameMax)]
    [InlineData(nameof(SignatureForm.PostalCode), SignatureForm.PostalCodeMax)]
    [InlineData(nameof(SignatureForm.Comment), SignatureForm.CommentMax)]
    public void Validate_ExactlyMax_NoError(string field, int max) =>
        Assert.Empty(With(field, new string('a', max)).Validate());

    [Theory]
    [InlineData(nameof(SignatureForm.FirstName), "An\u0000a")]
    [InlineData(nameof(SignatureForm.FirstName), "Ana\u001b[31m")]
    [InlineData(nameof(SignatureForm.LastName), "Dupont\nBcc: x@example.org")]
    [InlineData(nameof(SignatureForm.LastName), "Du\u007fpont")]
    [InlineData(nameof(SignatureForm.PostalCode), "750\r11")]
    [InlineData(nameof(SignatureForm.PostalCode), "750\u008511")]
    public void Validate_ControlCharacter_GivesInvalidCharacters(string field, string value) =>
        Assert.Equal(
            new FormError(field, FormMessages.InvalidCharacters),
            Assert.Single(With(field, value).Validate()));

    [Theory]
    [InlineData("ana")]
    [InlineData("ana@example")]
    [InlineData("ana@@example.org")]
    [InlineData("Ana <ana@example.org>")]
    [InlineData("ana@example.org\nBcc: x@example.org")]
    public void Validate_InvalidEmail_GivesEmailInvalid(string email) =>
        Assert.Equal(
            new FormError(nameof(SignatureForm.Email), FormMessages.EmailInvalid),
            Assert.Single(With(nameof(SignatureForm.Email), email).Validate()));

    [Theory]
    [InlineData("XX")]
    [InlineData("fr")]
    [InlineData("Fr")]
    [InlineData("FRA")]
    [InlineData("F")]
    [InlineData("France")]
    public void Validate_UnknownCountryCode_GivesCountryRequired(string country) =>
        Assert.Equal(
            new FormError(nameof(SignatureForm.Country), FormMessages.CountryRequired),
            Assert.Single(With(nameof(SignatureForm.Country), country).Validate()));

    [Theory]
    [InlineData("BE")]
    [InlineData("LV")]
    [InlineData("KE")]
    public void Validate_KnownCountryCode_NoError(string country) =>
        Assert.Empty(With(nameof(SignatureForm.Country), country).Validate());
}
