using Relais.Petitions;
using Relais.Supporters;

namespace Relais.Core.Tests.Supporters;

public class SupporterContactTests
{
    private static readonly SupporterContact Valid = new() { Email = " Ana@Example.org ", FirstName = " Ana ", Country = "fr", Language = "en" };

    [Fact]
    public void Validate_ValidFields_NoErrorAndAppliedTrimmedAndNormalized()
    {
        var supporter = new Supporter { Email = "old@example.org", NormalizedEmail = "old@example.org", Phone = "1" };

        Assert.Empty(Valid.Validate());
        Valid.ApplyTo(supporter);

        Assert.Equal(("Ana@Example.org", "ana@example.org", "Ana", "FR", "en", null), (supporter.Email, supporter.NormalizedEmail, supporter.FirstName, supporter.Country, supporter.Language, supporter.Phone));
    }

    [Fact]
    public void Validate_BadFields_OneErrorPerField()
    {
        var contact = Valid with
        {
            Email = "ana@@example",
            LastName = new string('x', SignatureForm.NameMax + 1),
            City = "Lyon\u0000",
            Country = "XX",
            Language = "de",
        };

        var errors = contact.Validate();

        Assert.Equal(
            [("Email", FormMessages.EmailInvalid), ("LastName", FormMessages.TooLong), ("City", FormMessages.InvalidCharacters), ("Country", FormMessages.CountryRequired), ("Language", FormMessages.Required)],
            errors.Select(e => (e.Field, e.MessageKey)));
    }

    [Fact]
    public void Validate_EmptyEmail_IsRequired() =>
        Assert.Equal(FormMessages.EmailRequired, Assert.Single((Valid with { Email = " " }).Validate()).MessageKey);
}
