using Relais.Imports;

namespace Relais.Core.Tests.Imports;

public class HeaderGuessTests
{
    [Fact]
    public void Guess_FrenchHeaders_EachField()
    {
        var map = HeaderGuess.Guess(["Courriel", "Prénom", "Nom", "Code postal", "Ville", "Pays", "Téléphone", "Langue", "Étiquettes", "Remarque"]);

        Assert.Equal(
            [ImportField.Email, ImportField.FirstName, ImportField.LastName, ImportField.PostalCode, ImportField.City, ImportField.Country,
             ImportField.Phone, ImportField.Language, ImportField.Tags, null],
            map.Columns);
    }

    [Fact]
    public void Guess_EnglishAndVariantHeaders_EachField()
    {
        var map = HeaderGuess.Guess(["E-mail", "First name", "Last Name", "ZIP", "City", "Country", "Phone", "CP"]);

        Assert.Equal(
            [ImportField.Email, ImportField.FirstName, ImportField.LastName, ImportField.PostalCode, ImportField.City, ImportField.Country, ImportField.Phone, null],
            map.Columns);
    }

    [Fact]
    public void Guess_TwoEmailColumns_OnlyTheFirstMapped() =>
        Assert.Equal([ImportField.Email, null], HeaderGuess.Guess(["Mail", "Adresse e-mail"]).Columns);

    [Fact]
    public void Guess_ConsentLikeHeader_NeverGuessed() =>
        Assert.Equal([ImportField.Email, null], HeaderGuess.Guess(["email", "consent"]).Columns);

    [Fact]
    public void HeaderSignature_SameColumnsWrittenDifferently_Same() =>
        Assert.Equal(ImportColumnMap.HeaderSignature(["Prénom", "E-mail"]), ImportColumnMap.HeaderSignature([" prenom ", "EMAIL"]));

    [Fact]
    public void HeaderSignature_OtherColumns_Differs() =>
        Assert.NotEqual(ImportColumnMap.HeaderSignature(["email", "nom"]), ImportColumnMap.HeaderSignature(["nom", "email"]));
}
