using Relais.Outbox;

namespace Relais.Core.Tests.Privacy;

public class OutboxRetryTests
{
    private static readonly OutboxRetry Retry = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), 10);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1_920)]
    [InlineData(8, 3_600)]
    [InlineData(9, 3_600)]
    public void DelayAfter_Failures_DoublesUpToTheCap(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Retry.DelayAfter(attempts));

    [Fact]
    public void DelayAfter_VeryManyFailures_StaysAtTheCapWithoutOverflow() =>
        Assert.Equal(TimeSpan.FromHours(1), Retry.DelayAfter(int.MaxValue));

    [Theory]
    [InlineData(1, false)]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(11, true)]
    public void GivesUp_AfterMaxAttempts(int attempts, bool givesUp) => Assert.Equal(givesUp, Retry.GivesUp(attempts));
}
