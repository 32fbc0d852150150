using Relais.Imports;

namespace Relais.Core.Tests.Imports;

public class ImportColumnMapTests
{
    private static readonly string[] Header = ["Mail", "Prénom", "Nom", "Accord"];

    [Fact]
    public void Validate_EmailNotMapped_Problem() =>
        Assert.Contains(new ImportColumnMap([null, ImportField.FirstName, null, null]).Validate(Header, null), p => p.MessageKey == ImportMessages.EmailNotMapped);

    [Fact]
    public void Validate_FieldMappedTwice_NamesBothColumns()
    {
        var problems = new ImportColumnMap([ImportField.Email, ImportField.LastName, ImportField.LastName, null]).Validate(Header, null);

        var problem = Assert.Single(problems);
        Assert.Equal(ImportMessages.FieldMappedTwice, problem.MessageKey);
        Assert.Equal(["LastName", "Prénom, Nom"], problem.Arguments);
    }

    [Fact]
    public void Validate_ConsentWithoutDeclaration_Problem() =>
        Assert.Contains(new ImportColumnMap([ImportField.Email, null, null, null], ImportConsentMode.Everyone).Validate(Header, " "), p => p.MessageKey == ImportMessages.DeclarationRequired);

    [Fact]
    public void Validate_ConsentColumnWithoutDeclaredMode_Problem() =>
        Assert.Contains(new ImportColumnMap([ImportField.Email, null, null, ImportField.EmailConsent]).Validate(Header, null), p => p.MessageKey == ImportMessages.ConsentColumnUnused);

    [Fact]
    public void Validate_ConsentColumnDeclared_Fine() =>
        Assert.Empty(new ImportColumnMap([ImportField.Email, null, null, ImportField.EmailConsent], ImportConsentMode.Column).Validate(Header, "Fête, 2026-05-01"));

    [Fact]
    public void Json_RoundTrip_Same()
    {
        var map = new ImportColumnMap([ImportField.Email, null, ImportField.Tags, ImportField.EmailConsent], ImportConsentMode.Column);

        var back = ImportColumnMap.FromJson(map.ToJson(), 4);

        Assert.Equal(map.Columns, back.Columns);
        Assert.Equal(map.Consent, back.Consent);
    }

    [Fact]
    public void FromJson_Garbage_AllIgnored() =>
        Assert.All(ImportColumnMap.FromJson("{not json", 3).Columns, c => Assert.Null(c));

    [Fact]
    public void StoredProblem_RoundTrip_KeepsArguments()
    {
        var problem = new ImportProblem(ImportMessages.SameEmailAsRow, "12");

        var back = ImportProblem.FromStored(problem.ToStored());

        Assert.Equal((problem.MessageKey, "12"), (back.MessageKey, back.Arguments.Single()));
    }
}
