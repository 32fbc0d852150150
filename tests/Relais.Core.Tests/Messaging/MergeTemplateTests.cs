using Relais.Messaging;

namespace Relais.Core.Tests.Messaging;

public class MergeTemplateTests
{
    private static readonly MergeValues Camille = new()
    {
        FirstName = "Camille",
        RelayLink = "https://relais.example/c/palidzesim?ref=abc",
        Counter = "12 480",
    };

    [Fact]
    public void Render_KnownFields_FilledInEveryPart()
    {
        var template = Parse("Merci {{ first_name }}", "Déjà {{counter}} signatures", "Bonjour **{{ first_name }}**, partagez [ce lien]({{ relay_link }}).");

        var email = template.Render(Camille);

        Assert.Equal("Merci Camille", email.Subject);
        Assert.Equal("Déjà 12 480 signatures", email.Preheader);
        Assert.Contains("<strong>Camille</strong>", email.Html);
        Assert.Contains("href=\"https://relais.example/c/palidzesim?ref=abc\"", email.Html);
        Assert.Contains("ce lien (https://relais.example/c/palidzesim?ref=abc)", email.Text);
    }

    [Fact]
    public void Render_EmptyValue_UsesFallback()
    {
        var template = Parse("Bonjour {{ first_name | l'ami }}", "", "Bonjour {{ first_name | toi }} !");

        var email = template.Render(new MergeValues());

        Assert.Equal("Bonjour l'ami", email.Subject);
        Assert.Contains("Bonjour toi !", email.Html);
    }

    [Theory]
    [InlineData("{{ prenom }}", "prenom")]
    [InlineData("Hello {{ first_name }} {{ donation_total }}", "donation_total")]
    public void Parse_UnknownField_RefusedAndNamed(string body, string unknown)
    {
        var result = MergeTemplate.Parse("Subject", "", body);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Field == unknown && e.Part == "body");
    }

    [Fact]
    public void Parse_UnclosedBraces_Refused()
    {
        var result = MergeTemplate.Parse("Hello {{ first_name", "", "Body");

        Assert.False(result.IsValid);
        Assert.Equal("subject", Assert.Single(result.Errors).Part);
    }

    [Fact]
    public void Render_ScriptInBodyOrValue_Escaped()
    {
        var template = Parse("Hi", "", "<script>alert(1)</script> {{ first_name }}");

        var email = template.Render(new MergeValues { FirstName = "<img src=x onerror=alert(2)>" });

        Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", email.Html);
    }

    [Fact]
    public void Render_JavascriptLink_DroppedToText()
    {
        var email = Parse("Hi", "", "[click](javascript:alert(1))").Render(Camille);

        Assert.DoesNotContain("javascript:", email.Html);
        Assert.Contains("click", email.Html);
    }

    [Fact]
    public void Render_TrackedLinks_PointAtRecipientPrefix_ButNotPersonalLinks()
    {
        var result = MergeTemplate.Parse("Hi", "", "[Read](https://example.org/report) and [share]({{ relay_link }})", trackLinks: true);
        var template = result.Template!;

        var email = template.Render(Camille with { TrackedLinkPrefix = "https://relais.example/m/abc/def/" });

        Assert.Equal(["https://example.org/report"], template.Links);
        Assert.Contains("href=\"https://relais.example/m/abc/def/0\"", email.Html);
        Assert.Contains("href=\"https://relais.example/c/palidzesim?ref=abc\"", email.Html);
    }

    [Fact]
    public void Render_TrackedLinksWithoutPrefix_GoStraightToTarget()
    {
        var template = MergeTemplate.Parse("Hi", "", "[Read](https://example.org/report)", trackLinks: true).Template!;

        Assert.Contains("href=\"https://example.org/report\"", template.Render(Camille).Html);
    }

    private static MergeTemplate Parse(string subject, string preheader, string body)
    {
        var result = MergeTemplate.Parse(subject, preheader, body);
        Assert.Empty(result.Errors);
        return result.Template!;
    }
}

public class RelayCodeTests
{
    [Fact]
    public void TryRead_WhatForWrote_SameSupporter()
    {
        var id = Guid.CreateVersion7();

        Assert.True(RelayCode.TryRead(RelayCode.For(id), out var read));
        Assert.Equal(id, read);
        Assert.Equal(22, RelayCode.For(id).Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!")]
    public void TryRead_Malformed_False(string? code) => Assert.False(RelayCode.TryRead(code, out _));
}

public class EmailLayoutTests
{
    [Fact]
    public void Wrap_FooterLinksAndHiddenPreheader_InBothParts()
    {
        var footer = new EmailFooter("Relais <démo>", "Vous avez signé.", "Se désabonner", "https://r.example/u/1", "Préférences", "https://r.example/p/1");

        var email = EmailLayout.Wrap("a@example.org", new RenderedEmail("Sujet", "Avant-goût", "Corps", "<p>Corps</p>"), "fr", footer);

        Assert.Contains("display:none", email.Html);
        Assert.Contains("Avant-goût", email.Html);
        Assert.Contains("Relais &lt;démo&gt;", email.Html);
        Assert.Contains("href=\"https://r.example/u/1\"", email.Html);
        Assert.Contains("Se désabonner: https://r.example/u/1", email.Text);
        Assert.Contains("lang=\"fr\"", email.Html);
    }
}

public class MessageTemplatesTests
{
    [Fact]
    public void Parse_CountedLinksOfBothVersions_NumberedAcrossVersions()
    {
        var message = new Message { Name = "Update", TrackClicks = true };
        MessageVersion[] versions =
        [
            new() { MessageId = message.Id, Language = "fr", Subject = "Nouvelles", Body = "[Lire](https://example.org/fr) et [voir](https://example.org/video)" },
            new() { MessageId = message.Id, Language = "en", Subject = "News", Body = "[Read](https://example.org/en)" },
        ];

        var (templates, links) = MessageTemplates.Parse(message, versions);
        var prefix = new MergeValues { TrackedLinkPrefix = "https://r.example/m/t/" };

        Assert.Equal(["https://example.org/en", "https://example.org/fr", "https://example.org/video"], links.Select(l => l.Url));
        Assert.Equal([0, 1, 2], links.Select(l => l.Index));
        Assert.Contains("href=\"https://r.example/m/t/0\"", templates["en"].Render(prefix).Html);
        Assert.Contains("href=\"https://r.example/m/t/2\"", templates["fr"].Render(prefix).Html);
    }
}
