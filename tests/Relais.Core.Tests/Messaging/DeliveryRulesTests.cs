using Relais.Messaging;

namespace Relais.Core.Tests.Messaging;

public sealed class DeliveryRulesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 4)]
    [InlineData(3, 16)]
    [InlineData(5, 256)]
    [InlineData(9, 360)]
    public void Backoff_AfterAttempts_GrowsToSixHours(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(Math.Min(minutes, 360)), DeliveryRules.Backoff(attempts));

    [Fact]
    public void IsLastAttempt_AtMax_True()
    {
        Assert.False(DeliveryRules.IsLastAttempt(DeliveryRules.MaxAttempts - 1));
        Assert.True(DeliveryRules.IsLastAttempt(DeliveryRules.MaxAttempts));
    }

    [Theory]
    [InlineData(3, 2, false, true)]
    [InlineData(3, 3, false, false)]
    [InlineData(3, 9, true, true)]
    [InlineData(0, 50, false, true)]
    public void UnderCap_SentInWindow_AllowsBelowCap(int cap, int sent, bool overrideCap, bool expected) =>
        Assert.Equal(expected, DeliveryRules.UnderCap(cap, sent, overrideCap));

    [Fact]
    public void MessageId_SameRecipient_Stable()
    {
        var message = Guid.NewGuid();
        Assert.Equal($"42.{message:N}@relais.example", DeliveryRules.MessageId(42, message, "relais.example"));
    }
}
