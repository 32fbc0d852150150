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

    [Fact]
    public void Check_ManyDistinctAddresses_NoneTakenForAnother()
    {
        var duplicates = new DuplicateEmails();

        var flagged = Enumerable.Range(1, 200_000).Count(i => duplicates.Check(Person($"person{i}@example.org"), i) is not null);

        Assert.Equal(0, flagged);
        Assert.Equal("123456", duplicates.Check(Person("PERSON123456@example.org"), 200_001)?.Arguments.Single());
    }

    [Fact]
    public void Check_LongAddressesDifferingInTheLastCharacter_AreDistinct()
    {
        var duplicates = new DuplicateEmails();
        var local = new string('é', 60);

        Assert.Null(duplicates.Check(Person($"{local}@{new string('a', 180)}.org"), 1));
        Assert.Null(duplicates.Check(Person($"{local}@{new string('a', 180)}.orh"), 2));
        Assert.Equal("1", duplicates.Check(Person($"{local}@{new string('a', 180)}.org"), 3)?.Arguments.Single());
    }
}
