using System.Text;
using Relais.Payments;

namespace Relais.Core.Tests.Payments;

public sealed class StripeSignatureTests
{
    private const string Secret = "whsec_test_secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}");
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Verify_SignedNow_Valid()
    {
        var header = StripeSignature.HeaderFor(Now.ToUnixTimeSeconds(), Body, Secret);
        Assert.Equal(WebhookVerdict.Valid, StripeSignature.Verify(header, Body, Secret, Now));
    }

    [Fact]
    public void Verify_OneOfSeveralSignaturesMatches_Valid()
    {
        var t = Now.ToUnixTimeSeconds();
        var good = StripeSignature.HeaderFor(t, Body, Secret);
        var header = $"t={t},v1={new string('0', 64)},{good.Split(',')[1]},v0=abc";
        Assert.Equal(WebhookVerdict.Valid, StripeSignature.Verify(header, Body, Secret, Now));
    }

    [Fact]
    public void Verify_BodyChanged_BadSignature()
    {
        var header = StripeSignature.HeaderFor(Now.ToUnixTimeSeconds(), Body, Secret);
        var forged = Encoding.UTF8.GetBytes("{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\" }");
        Assert.Equal(WebhookVerdict.BadSignature, StripeSignature.Verify(header, forged, Secret, Now));
    }

    [Fact]
    public void Verify_OtherSecret_BadSignature()
    {
        var header = StripeSignature.HeaderFor(Now.ToUnixTimeSeconds(), Body, "whsec_other");
        Assert.Equal(WebhookVerdict.BadSignature, StripeSignature.Verify(header, Body, Secret, Now));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Verify_SignedMoreThanFiveMinutesAway_Stale(int seconds)
    {
        var header = StripeSignature.HeaderFor(Now.AddSeconds(seconds).ToUnixTimeSeconds(), Body, Secret);
        Assert.Equal(WebhookVerdict.Stale, StripeSignature.Verify(header, Body, Secret, Now));
    }

    [Fact]
    public void Verify_SignedFourMinutesAgo_Valid()
    {
        var header = StripeSignature.HeaderFor(Now.AddMinutes(-4).ToUnixTimeSeconds(), Body, Secret);
        Assert.Equal(WebhookVerdict.Valid, StripeSignature.Verify(header, Body, Secret, Now));
    }

    [Theory]
    [InlineData(null, WebhookVerdict.MissingSignature)]
    [InlineData("", WebhookVerdict.MissingSignature)]
    [InlineData("v1=abcd", WebhookVerdict.MalformedSignature)]
    [InlineData("t=1700000000", WebhookVerdict.MalformedSignature)]
    [InlineData("t=abc,v1=abcd", WebhookVerdict.MalformedSignature)]
    [InlineData("t=1700000000,v1=zz", WebhookVerdict.MalformedSignature)]
    public void Verify_MalformedHeader_Refused(string? header, WebhookVerdict expected) =>
        Assert.Equal(expected, StripeSignature.Verify(header, Body, Secret, Now));
}
