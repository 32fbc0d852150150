using Relais.Imports;
using Relais.Petitions;

namespace Relais.Core.Tests.Imports;

public class ImportRowReaderTests
{
    private static readonly string[] Header = ["email", "prénom", "nom", "cp", "ville", "pays", "tel", "langue", "tags", "accord"];

    private static ImportRowReader Reader(ImportConsentMode consent = ImportConsentMode.Column) => new(
        new ImportColumnMap(
            [ImportField.Email, ImportField.FirstName, ImportField.LastName, ImportField.PostalCode, ImportField.City,
             ImportField.Country, ImportField.Phone, ImportField.Language, ImportField.Tags, ImportField.EmailConsent],
            consent),
        Header);

    private static string[] Row(string email = " Ana@Example.ORG ", string first = "Ana", string country = "France", string phone = "+33 6 12 34 56 78", string consent = "oui", string tags = "bénévole, Presse ,presse") =>
        [email, first, "Martin", "75011", "Paris", country, phone, "English", tags, consent];

    [Fact]
    public void Read_GoodRow_NormalizedPerson()
    {
        var (person, problem) = Reader().Read(Row());

        Assert.Null(problem);
        Assert.Equal(("Ana@Example.ORG", "ana@example.org", "FR", "en", true), (person!.Email, person.NormalizedEmail, person.Country, person.Language, person.Consents));
        Assert.Equal(["bénévole", "Presse"], person.Tags);
    }

    [Theory]
    [InlineData("", ImportMessages.EmailMissing)]
    [InlineData("not-an-email", FormMessages.EmailInvalid)]
    [InlineData("ana@example", FormMessages.EmailInvalid)]
    public void Read_BadEmail_Rejected(string email, string expected) =>
        Assert.Equal(expected, Reader().Read(Row(email: email)).Problem?.MessageKey);

    [Theory]
    [InlineData("FR", "FR")]
    [InlineData("be", "BE")]
    [InlineData("Belgique", "BE")]
    [InlineData("Germany", "DE")]
    [InlineData("Allemagne", "DE")]
    [InlineData("États-Unis", "US")]
    [InlineData("royaume uni", "GB")]
    public void Read_CountryCodeOrName_Code(string country, string expected) =>
        Assert.Equal(expected, Reader().Read(Row(country: country)).Person?.Country);

    [Fact]
    public void Read_UnknownCountry_RejectedWithTheValue()
    {
        var problem = Reader().Read(Row(country: "Atlantide")).Problem;

        Assert.Equal((ImportMessages.UnknownCountry, "Atlantide"), (problem?.MessageKey, problem?.Arguments.Single()));
    }

    [Fact]
    public void Read_NameTooLong_RejectedNamingTheColumn()
    {
        var problem = Reader().Read(Row(first: new string('a', SignatureForm.NameMax + 1))).Problem;

        Assert.Equal((ImportMessages.TooLong, "prénom"), (problem?.MessageKey, problem?.Arguments.Single()));
    }

    [Fact]
    public void Read_NotAPhoneNumber_Rejected() =>
        Assert.Equal(ImportMessages.NotAPhoneNumber, Reader().Read(Row(phone: "call me maybe")).Problem?.MessageKey);

    [Theory]
    [InlineData("oui", true)]
    [InlineData("Yes", true)]
    [InlineData("1", true)]
    [InlineData("non", false)]
    [InlineData("", false)]
    public void Read_ConsentColumn_YesOrNo(string answer, bool expected) =>
        Assert.Equal(expected, Reader().Read(Row(consent: answer)).Person?.Consents);

    [Fact]
    public void Read_ConsentAnswerNeitherYesNorNo_Rejected() =>
        Assert.Equal(ImportMessages.NotYesOrNo, Reader().Read(Row(consent: "peut-être")).Problem?.MessageKey);

    [Fact]
    public void Read_ConsentColumnNotDeclared_NobodyOptedIn() =>
        Assert.False(Reader(ImportConsentMode.Nobody).Read(Row(consent: "oui")).Person?.Consents);

    [Fact]
    public void Read_ShortRow_MissingCellsEmpty()
    {
        var (person, problem) = Reader().Read(["ana@example.org"]);

        Assert.Null(problem);
        Assert.Equal((null, null, false), (person!.FirstName, person.Country, person.Consents));
    }
}
