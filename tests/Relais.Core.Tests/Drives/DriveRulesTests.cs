using Relais.Drives;

namespace Relais.Core.Tests.Drives;

public sealed class DriveRulesTests
{
    private static readonly DateOnly Today = new(2026, 5, 13); // a Wednesday

    [Fact]
    public void Remaining_TotalNeed_WantedLessEverythingPledged()
    {
        var need = new DriveNeed { QuantityWanted = 300, PledgedQuantity = 120 };
        Assert.Equal(180, DriveRules.Remaining(need, pledgedOnDate: 999));
    }

    [Fact]
    public void Remaining_PerDayNeed_DailyQuantityLessThatDaysPledges()
    {
        var need = new DriveNeed { QuantityWanted = 300, Period = NeedPeriod.PerDay, PledgedQuantity = 5_000 };
        Assert.Equal(250, DriveRules.Remaining(need, pledgedOnDate: 50));
    }

    [Fact]
    public void Remaining_MoreThanWantedPledged_Zero() =>
        Assert.Equal(0, DriveRules.Remaining(new DriveNeed { QuantityWanted = 10, PledgedQuantity = 40 }, 0));

    [Theory]
    [InlineData(100, 100, false)]
    [InlineData(100, 101, true)]
    [InlineData(0, 1, true)]
    public void IsBeyondNeed_MoreThanRemains_Flagged(long remaining, int quantity, bool flagged) =>
        Assert.Equal(flagged, DriveRules.IsBeyondNeed(remaining, quantity));

    [Fact]
    public void EffectiveTotal_CorrectionsReplaceTheirLine_NeverCountedTwice()
    {
        var first = new DriveReception { Quantity = 50 };
        var second = new DriveReception { Quantity = 30 };
        var correction = new DriveReception { Quantity = 45, SupersedesId = first.Id };
        var correctionOfCorrection = new DriveReception { Quantity = 40, SupersedesId = correction.Id };

        Assert.Equal(80, DriveRules.EffectiveTotal([first, second]));
        Assert.Equal(75, DriveRules.EffectiveTotal([first, second, correction]));
        Assert.Equal(70, DriveRules.EffectiveTotal([first, second, correction, correctionOfCorrection]));
        // The running total moved by deltas matches the history's effective total.
        Assert.Equal(70, 50 + 30 + DriveRules.CorrectionDelta(50, 45) + DriveRules.CorrectionDelta(45, 40));
    }

    [Theory]
    [InlineData(0, 10, PledgeStatus.Pledged)]
    [InlineData(4, 10, PledgeStatus.PartlyReceived)]
    [InlineData(10, 10, PledgeStatus.Received)]
    [InlineData(12, 10, PledgeStatus.Received)]
    public void StatusFor_ReceivedSoFar_FollowsTheQuantity(long received, int pledged, PledgeStatus status) =>
        Assert.Equal(status, DriveRules.StatusFor(received, pledged));

    [Fact]
    public void Percent_CappedAtAHundred() =>
        Assert.Equal((50, 100, 0), (DriveRules.Percent(150, 300), DriveRules.Percent(900, 300), DriveRules.Percent(5, 0)));

    [Fact]
    public void WeeklyHours_TypedPerDay_RoundTripsAndChecksDates()
    {
        var typed = new Dictionary<DayOfWeek, string?>
        {
            [DayOfWeek.Monday] = "9:00-12:00, 14h-18h",
            [DayOfWeek.Wednesday] = "10:00-19:00",
        };

        Assert.True(WeeklyHours.TryFrom(typed, out var hours, out _));
        var stored = hours.ToString();
        var read = WeeklyHours.Parse(stored);

        Assert.Equal("Mon 09:00-12:00 14:00-18:00\nWed 10:00-19:00", stored);
        Assert.True(read.IsOpenOn(Today));
        Assert.False(read.IsOpenOn(Today.AddDays(1)));
        Assert.True(read.IsOpenOn(Today.AddDays(-2)));
        Assert.Equal("09:00-12:00, 14:00-18:00", read.DayText(DayOfWeek.Monday));
    }

    [Theory]
    [InlineData("18:00-09:00")]
    [InlineData("9-12, 11-14")]
    [InlineData("morning")]
    [InlineData("25:00-26:00")]
    public void WeeklyHours_BadDay_Refused(string text)
    {
        Assert.False(WeeklyHours.TryFrom(new Dictionary<DayOfWeek, string?> { [DayOfWeek.Friday] = text }, out _, out var bad));
        Assert.Equal(DayOfWeek.Friday, bad);
    }

    [Theory]
    [InlineData("0", DriveMessages.QuantityTooSmall)]
    [InlineData("-5", DriveMessages.QuantityTooSmall)]
    [InlineData("100001", DriveMessages.QuantityTooLarge)]
    [InlineData("99999999999999", DriveMessages.QuantityNotANumber)]
    [InlineData("douze", DriveMessages.QuantityNotANumber)]
    [InlineData("1,5", DriveMessages.QuantityNotANumber)]
    [InlineData("", DriveMessages.QuantityNotANumber)]
    [InlineData("1 200", null)]
    public void QuantityError_BadQuantities_Refused(string text, string? error) =>
        Assert.Equal(error, PledgeRules.QuantityError(text, out _));

    [Fact]
    public void Validate_DateOutsideHoursOrPastOrUnknownNeed_ClearErrors()
    {
        var need = new DriveNeed { Item = "Nappies", QuantityWanted = 300 };
        var point = new DropOffPoint { Name = "Centre", OpeningHours = "Wed 10:00-19:00" };
        PledgeForm Form(string date, string? needId = null) => new()
        {
            NeedId = needId ?? need.Id.ToString(),
            Quantity = "12",
            PointId = point.Id.ToString(),
            Date = date,
            FirstName = "Ana",
            LastName = "Ozola",
            Email = "ana@example.org",
            Consent = true,
        };

        Assert.Empty(PledgeRules.Validate(Form("2026-05-20"), [need], [point], Today, out var valid));
        Assert.Equal((12, new DateOnly(2026, 5, 20)), (valid!.Quantity, valid.Date));
        Assert.Equal(DriveMessages.DateClosed, PledgeRules.Validate(Form("2026-05-21"), [need], [point], Today, out _).Single().MessageKey);
        Assert.Equal(DriveMessages.DatePast, PledgeRules.Validate(Form("2026-05-06"), [need], [point], Today, out _).Single().MessageKey);
        Assert.Equal(DriveMessages.DateInvalid, PledgeRules.Validate(Form("20/05/2026"), [need], [point], Today, out _).Single().MessageKey);
        Assert.Equal(DriveMessages.NeedUnknown, PledgeRules.Validate(Form("2026-05-20", Guid.NewGuid().ToString()), [need], [point], Today, out var none).Single().MessageKey);
        Assert.Null(none);
    }
}
