using Relais.Giving;

namespace Relais.Core.Tests.Giving;

public sealed class DonationRulesTests
{
    [Theory]
    [InlineData(DonationStatus.Pending, DonationStatus.Succeeded, true)]
    [InlineData(DonationStatus.Pending, DonationStatus.Failed, true)]
    [InlineData(DonationStatus.Failed, DonationStatus.Succeeded, true)]
    [InlineData(DonationStatus.Succeeded, DonationStatus.Refunded, true)]
    [InlineData(DonationStatus.Succeeded, DonationStatus.Succeeded, false)]
    [InlineData(DonationStatus.Succeeded, DonationStatus.Failed, false)]
    [InlineData(DonationStatus.Refunded, DonationStatus.Succeeded, false)]
    [InlineData(DonationStatus.Pending, DonationStatus.Refunded, false)]
    [InlineData(DonationStatus.Failed, DonationStatus.Refunded, false)]
    public void CanMove_FollowsTheLifeOfAPayment(DonationStatus from, DonationStatus to, bool allowed) =>
        Assert.Equal(allowed, DonationRules.CanMove(from, to));

    [Theory]
    [InlineData(DonationStatus.Pending, DonationStatus.Succeeded, 1)]
    [InlineData(DonationStatus.Failed, DonationStatus.Succeeded, 1)]
    [InlineData(DonationStatus.Succeeded, DonationStatus.Refunded, -1)]
    [InlineData(DonationStatus.Pending, DonationStatus.Failed, 0)]
    public void CountDelta_CountsOnlySuccesses(DonationStatus from, DonationStatus to, int delta) =>
        Assert.Equal(delta, DonationRules.CountDelta(from, to));
}
