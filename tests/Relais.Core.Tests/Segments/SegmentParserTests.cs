using Relais.Activities;
using Relais.Segments;

namespace Relais.Core.Tests.Segments;

public sealed class SegmentParserTests
{
    private static readonly Guid Petition = Guid.Parse("01890a5d-ac96-774b-bcce-b302099a8057");
    private static readonly Guid TagId = Guid.Parse("01890a5d-ac96-774b-bcce-b302099a8058");

    private static Dictionary<string, IReadOnlyList<string>> Row(params (string Field, string Value)[] fields) =>
        fields.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Value).ToList());

    private static SegmentParse Parse(string match, params Dictionary<string, IReadOnlyList<string>>[] rows) =>
        SegmentParser.Parse(match, rows);

    [Fact]
    public void Parse_EveryKind_ReadsTypedConditions()
    {
        var parse = Parse("any",
            Row(("kind", "took-action"), ("action", Petition.ToString()), ("from", "2026-03-01"), ("to", "2026-03-31")),
            Row(("kind", "took-type"), ("type", "Donated"), ("not", "true")),
            Row(("kind", "ladder"), ("op", "gte"), ("rank", "3")),
            Row(("kind", "tag"), ("tag", TagId.ToString())),
            Row(("kind", "group"), ("group", TagId.ToString()), ("role", "leader")),
            Row(("kind", "channel"), ("channel", TagId.ToString())),
            Row(("kind", "country"), ("countries", "fr"), ("countries", "BE"), ("countries", "FR")),
            Row(("kind", "postal-code"), ("prefix", " 75a ")),
            Row(("kind", "language"), ("language", "en")),
            Row(("kind", "email-consent")),
            Row(("kind", "active-within"), ("days", "30")),
            Row(("kind", "active-before"), ("before", "2025-01-01")));

        Assert.True(parse.IsValid, string.Join("; ", parse.Errors));
        var c = parse.Definition!.Conditions;
        Assert.Equal(SegmentMatch.Any, parse.Definition.Match);
        Assert.Equal((ConditionKind.TookAction, Petition, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), (c[0].Kind, c[0].Id!.Value, c[0].From!.Value, c[0].To!.Value));
        Assert.Equal((ActivityType.Donated, true), (c[1].ActivityType!.Value, c[1].Negate));
        Assert.Equal((RankComparison.AtLeast, 3), (c[2].Comparison, c[2].Rank!.Value));
        Assert.True(c[4].LeadersOnly);
        Assert.Equal(["FR", "BE"], c[6].Countries);
        Assert.Equal("75A", c[7].PostalCodePrefix);
        Assert.Equal("en", c[8].Language);
        Assert.Equal(30, c[10].Days);
        Assert.Equal(new DateOnly(2025, 1, 1), c[11].Before);
    }

    [Fact]
    public void WriteThenParseJson_AnyDefinition_RoundTrips()
    {
        var definition = Parse("all",
            Row(("kind", "took-action"), ("action", Petition.ToString()), ("to", "2026-03-31"), ("not", "true")),
            Row(("kind", "country"), ("countries", "LV"), ("countries", "FR")),
            Row(("kind", "group"), ("group", TagId.ToString()))).Definition!;

        var json = SegmentJson.Write(definition);
        var again = SegmentParser.ParseJson(json);

        Assert.True(again.IsValid);
        Assert.Equal(json, SegmentJson.Write(again.Definition!));
        Assert.Equal(definition.Conditions[0], again.Definition!.Conditions[0]);
        Assert.Contains("\"countries\":[\"LV\",\"FR\"]", json);
        Assert.Contains("\"not\":true", json);
    }

    [Theory]
    [InlineData("{\"match\":\"all\",\"conditions\":[{\"kind\":\"tag\",\"tag\":\"01890a5d-ac96-774b-bcce-b302099a8058\",\"colour\":\"red\"}]}", "This condition does not take “{0}”.")]
    [InlineData("{\"match\":\"all\",\"conditions\":[{\"kind\":\"tag\"}]}", "Choose a tag.")]
    [InlineData("{\"match\":\"all\",\"conditions\":[{\"kind\":\"tag\",\"tag\":\"not-a-guid\"}]}", "Choose a tag.")]
    [InlineData("{\"match\":\"all\",\"conditions\":[{\"kind\":\"teleported\"}]}", "Unknown kind of condition.")]
    [InlineData("{\"match\":\"most\",\"conditions\":[]}", "Choose whether all or any of the conditions must hold.")]
    [InlineData("{\"match\":\"all\",\"conditions\":[],\"extra\":1}", "The segment definition is not valid JSON.")]
    [InlineData("{\"match\":\"all\",\"conditions\":[{\"kind\":\"tag\",\"tag\":{}}]}", "The segment definition is not valid JSON.")]
    [InlineData("[1,2]", "The segment definition is not valid JSON.")]
    [InlineData("{not json", "The segment definition is not valid JSON.")]
    [InlineData("{\"conditions\":[{\"kind\":\"ladder\",\"op\":\"gt\",\"rank\":\"2\"}]}", "Choose equal to, at least or at most.")]
    [InlineData("{\"conditions\":[{\"kind\":\"ladder\",\"op\":\"eq\",\"rank\":\"-1\"}]}", "Choose a ladder level.")]
    [InlineData("{\"conditions\":[{\"kind\":\"took-type\",\"type\":\"3\"}]}", "Choose a kind of activity.")]
    [InlineData("{\"conditions\":[{\"kind\":\"took-type\",\"type\":\"Signed\",\"from\":\"01/03/2026\"}]}", "Enter dates as YYYY-MM-DD.")]
    [InlineData("{\"conditions\":[{\"kind\":\"took-type\",\"type\":\"Signed\",\"from\":\"2026-03-02\",\"to\":\"2026-03-01\"}]}", "The period ends before it starts.")]
    [InlineData("{\"conditions\":[{\"kind\":\"country\",\"countries\":[]}]}", "Choose one or more countries.")]
    [InlineData("{\"conditions\":[{\"kind\":\"country\",\"countries\":[\"XX\"]}]}", "Unknown country: {0}.")]
    [InlineData("{\"conditions\":[{\"kind\":\"postal-code\",\"prefix\":\"75%\"}]}", "Enter the start of a postal code: letters, digits, spaces or hyphens, {0} characters at most.")]
    [InlineData("{\"conditions\":[{\"kind\":\"postal-code\",\"prefix\":\"12345678901\"}]}", "Enter the start of a postal code: letters, digits, spaces or hyphens, {0} characters at most.")]
    [InlineData("{\"conditions\":[{\"kind\":\"language\",\"language\":\"de\"}]}", "Choose a language.")]
    [InlineData("{\"conditions\":[{\"kind\":\"active-within\",\"days\":\"0\"}]}", "Enter a number of days between 1 and {0}.")]
    [InlineData("{\"conditions\":[{\"kind\":\"active-within\",\"days\":\"1.5\"}]}", "Enter a number of days between 1 and {0}.")]
    [InlineData("{\"conditions\":[{\"kind\":\"active-before\"}]}", "Choose a date.")]
    [InlineData("{\"conditions\":[{\"kind\":\"group\",\"group\":\"01890a5d-ac96-774b-bcce-b302099a8058\",\"role\":\"owner\"}]}", "Choose any member or leaders only.")]
    [InlineData("{\"conditions\":[{\"kind\":\"email-consent\",\"not\":\"maybe\"}]}", "“not” is true or false.")]
    public void ParseJson_BadDefinition_NamesTheError(string json, string message)
    {
        var parse = SegmentParser.ParseJson(json);

        Assert.False(parse.IsValid);
        Assert.Null(parse.Definition);
        Assert.Contains(parse.Errors, e => e.Message == message);
    }

    [Fact]
    public void Parse_TooManyConditions_RefusedWithTheLimit()
    {
        var rows = Enumerable.Range(0, SegmentDefinition.MaxConditions + 1).Select(_ => Row(("kind", "email-consent"))).ToArray();

        var parse = Parse("all", rows);

        var error = Assert.Single(parse.Errors);
        Assert.Equal((null, SegmentErrorMessages.TooManyConditions, SegmentDefinition.MaxConditions), (error.Row, error.Message, (int)error.Args[0]));
    }

    [Fact]
    public void Parse_ErrorsInSeveralRows_EachNamesItsRow()
    {
        var parse = Parse("all",
            Row(("kind", "email-consent")),
            Row(("kind", "tag")),
            Row(("kind", "language"), ("language", "xx")));

        Assert.Equal([(1, SegmentErrorMessages.ChooseTag), (2, SegmentErrorMessages.InvalidLanguage)], parse.Errors.Select(e => (e.Row!.Value, e.Message)));
    }

    [Fact]
    public void Parse_NoConditions_IsEveryone()
    {
        var parse = Parse("", []);

        Assert.True(parse.IsValid);
        Assert.Empty(parse.Definition!.Conditions);
        Assert.Equal(SegmentMatch.All, parse.Definition.Match);
    }
}
