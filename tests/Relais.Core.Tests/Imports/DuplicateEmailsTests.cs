using Relais.Imports;

namespace Relais.Core.Tests.Imports;

public class DuplicateEmailsTests
{
    private static ImportedPerson Person(string email) => new(email, Relais.Supporters.EmailAddress.Normalize(email));

    [Fact]
    public void Check_SameNormalizedEmailLater_PointsToTheFirstRow()
    {
        var duplicates = new DuplicateEmails();

        Assert.Null(duplicates.Check(Person("ana@example.org"), 1));
        Assert.Null(duplicates.Check(Person("bob@example.org"), 2));
        var problem = duplicates.Check(Person(" ANA@example.org"), 7);

        Assert.Equal((ImportMessages.SameEmailAsRow, "1"), (problem?.MessageKey, problem?.Arguments.Single()));
    }

    [Fact]
    public void Check_ThirdOccurrence_StillPointsToTheFirst()
    {
        var duplicates = new DuplicateEmails();
        duplicates.Check(Person("ana@example.org"), 3);
        duplicates.Check(Person("ana@example.org"), 4);

        Assert.Equal("3", duplicates.Check(Person("ana@example.org"), 9)?.Arguments.Single());
    }
}
