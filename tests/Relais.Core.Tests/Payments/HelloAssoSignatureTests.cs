using System.Text;
using Relais.Payments;

namespace Relais.Core.Tests.Payments;

public sealed class HelloAssoSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"eventType\":\"Payment\",\"data\":{\"id\":1}}");

    [Fact]
    public void Verify_RightTokenNoSignatureKey_Valid() =>
        Assert.Equal(WebhookVerdict.Valid, HelloAssoSignature.Verify("tok", "tok", null, Body, null));

    [Theory]
    [InlineData(null, WebhookVerdict.MissingSignature)]
    [InlineData("", WebhookVerdict.MissingSignature)]
    [InlineData("other", WebhookVerdict.BadSignature)]
    [InlineData("to", WebhookVerdict.BadSignature)]
    public void Verify_WrongToken_Refused(string? token, WebhookVerdict expected) =>
        Assert.Equal(expected, HelloAssoSignature.Verify(token, "tok", null, Body, null));

    [Fact]
    public void Verify_SignatureKeySetAndHeaderMatches_Valid()
    {
        var header = Convert.ToHexStringLower(HelloAssoSignature.Compute(Body, "key"));
        Assert.Equal(WebhookVerdict.Valid, HelloAssoSignature.Verify("tok", "tok", header, Body, "key"));
    }

    [Fact]
    public void Verify_SignatureKeySetAndHeaderMissing_Refused() =>
        Assert.Equal(WebhookVerdict.MissingSignature, HelloAssoSignature.Verify("tok", "tok", null, Body, "key"));

    [Fact]
    public void Verify_SignatureOfAnotherBody_BadSignature()
    {
        var header = Convert.ToHexStringLower(HelloAssoSignature.Compute(Encoding.UTF8.GetBytes("{}"), "key"));
        Assert.Equal(WebhookVerdict.BadSignature, HelloAssoSignature.Verify("tok", "tok", header, Body, "key"));
    }

    [Fact]
    public void NewUrlToken_TwoTokens_DifferAndAreUrlSafe()
    {
        var a = HelloAssoSignature.NewUrlToken();
        var b = HelloAssoSignature.NewUrlToken();
        Assert.NotEqual(a, b);
        Assert.Equal(Uri.EscapeDataString(a), a);
    }
}
