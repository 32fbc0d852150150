using Relais.Receipts;

namespace Relais.Core.Tests.Receipts;

public sealed class AmountInFrenchWordsTests
{
    [Theory]
    [InlineData(12_550, "cent vingt-cinq euros et cinquante centimes")]
    [InlineData(0, "zéro euro")]
    [InlineData(1, "un centime")]
    [InlineData(50, "cinquante centimes")]
    [InlineData(100, "un euro")]
    [InlineData(101, "un euro et un centime")]
    [InlineData(1_000, "dix euros")]
    [InlineData(2_100, "vingt et un euros")]
    [InlineData(7_100, "soixante et onze euros")]
    [InlineData(7_000, "soixante-dix euros")]
    [InlineData(8_000, "quatre-vingts euros")]
    [InlineData(8_100, "quatre-vingt-un euros")]
    [InlineData(9_900, "quatre-vingt-dix-neuf euros")]
    [InlineData(20_000, "deux cents euros")]
    [InlineData(20_100, "deux cent un euros")]
    [InlineData(100_000, "mille euros")]
    [InlineData(200_000, "deux mille euros")]
    [InlineData(8_000_000, "quatre-vingt mille euros")]
    [InlineData(20_000_000, "deux cent mille euros")]
    [InlineData(100_000_000, "un million d'euros")]
    [InlineData(100_010_000, "un million cent euros")]
    [InlineData(20_000_000_000, "deux cents millions d'euros")]
    [InlineData(123_456_789, "un million deux cent trente-quatre mille cinq cent soixante-sept euros et quatre-vingt-neuf centimes")]
    public void Euros_Amount_FrenchWords(long cents, string words) =>
        Assert.Equal(words, AmountInFrenchWords.Euros(cents));

    [Fact]
    public void Euros_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AmountInFrenchWords.Euros(-1));
}
