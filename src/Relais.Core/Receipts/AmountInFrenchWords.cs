namespace Relais.Receipts;

/// <summary>
/// Writes an amount in euros in French words, as the tax receipt asks ("montant en toutes
/// lettres"): "cent vingt-cinq euros et cinquante centimes". Traditional spelling (hyphens only
/// below one hundred, "et" in 21, 31… 71, "quatre-vingts" and "deux cents" plural only when they
/// end the number, "mille" invariable, "un million d'euros").
/// </summary>
public static class AmountInFrenchWords
{
    private static readonly string[] Units =
    [
        "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
        "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
    ];

    private static readonly string[] Tens = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"];

    /// <summary>The amount of <paramref name="cents"/> euro cents, e.g. 12550 → "cent vingt-cinq euros et cinquante centimes".</summary>
    public static string Euros(long cents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cents);
        var euros = cents / 100;
        var rest = (int)(cents % 100);
        var centimes = rest == 0 ? "" : Number(rest) + (rest == 1 ? " centime" : " centimes");
        if (euros == 0)
        {
            return rest == 0 ? "zéro euro" : centimes;
        }
        var words = Number(euros);
        // "un million d'euros", but "un million cent euros".
        var unit = euros == 1 ? " euro" : euros % 1_000_000 == 0 ? " d'euros" : " euros";
        return rest == 0 ? words + unit : words + unit + " et " + centimes;
    }

    /// <summary>A whole number in French words: 80 → "quatre-vingts", 201 → "deux cent un", 2000 → "deux mille".</summary>
    public static string Number(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0)
        {
            return Units[0];
        }
        var parts = new List<string>();
        var billions = value / 1_000_000_000;
        var millions = value / 1_000_000 % 1_000;
        var thousands = value / 1_000 % 1_000;
        var below = (int)(value % 1_000);
        if (billions > 0)
        {
            parts.Add(Number(billions) + (billions == 1 ? " milliard" : " milliards"));
        }
        if (millions > 0)
        {
            // Before the nouns "million" and "milliard", "cents" and "quatre-vingts" keep their s (not before "mille").
            parts.Add(Hundreds((int)millions, last: true) + (millions == 1 ? " million" : " millions"));
        }
        if (thousands > 0)
        {
            parts.Add(thousands == 1 ? "mille" : Hundreds((int)thousands, last: false) + " mille");
        }
        if (below > 0)
        {
            parts.Add(Hundreds(below, last: true));
        }
        return string.Join(' ', parts);
    }

    /// <summary>1 to 999; <paramref name="last"/> says whether nothing follows (only then "cents" and "quatre-vingts" take an s).</summary>
    private static string Hundreds(int value, bool last)
    {
        var hundreds = value / 100;
        var rest = value % 100;
        var words = hundreds switch
        {
            0 => "",
            1 => "cent",
            _ => Units[hundreds] + (rest == 0 && last ? " cents" : " cent"),
        };
        if (rest == 0)
        {
            return words;
        }
        var tail = BelowHundred(rest, last);
        return words.Length == 0 ? tail : words + " " + tail;
    }

    private static string BelowHundred(int value, bool last)
    {
        if (value < 20)
        {
            return Units[value];
        }
        var ten = value / 10;
        var unit = value % 10;
        return ten switch
        {
            7 => "soixante" + (unit == 1 ? " et " : "-") + Units[10 + unit],
            8 => unit == 0 ? (last ? "quatre-vingts" : "quatre-vingt") : "quatre-vingt-" + Units[unit],
            9 => "quatre-vingt-" + Units[10 + unit],
            _ => Tens[ten] + (unit == 0 ? "" : unit == 1 ? " et un" : "-" + Units[unit]),
        };
    }
}
