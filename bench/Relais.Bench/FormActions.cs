using System.Globalization;
using System.Net;

namespace Relais.Bench;

/// <summary>
/// One public form of an action, as <see cref="LoadClient.RunFormAsync"/> drives it: which
/// campaign each attempt goes to, the fields a visitor types in and the answer that acknowledges it.
/// </summary>
public abstract class FormAction
{
    /// <summary>The campaigns' slugs, indexed by <see cref="Attempt.Slug"/>.</summary>
    public abstract IReadOnlyList<string> Slugs { get; }

    /// <summary>What follows /c/{slug}/ in the form's address.</summary>
    protected abstract string Form { get; }

    /// <summary>A form answered without its hidden field <c>t</c> is an error (not for forms that never had one).</summary>
    public abstract bool NeedsFormToken { get; }

    public abstract HttpStatusCode Success { get; }

    public int SlugFor(int client, int sequence) => (client + sequence) % Slugs.Count;

    public string PathFor(int slugIndex) => $"c/{Slugs[slugIndex]}/{Form}";

    /// <summary>The visitor's fields, the antiforgery and form tokens aside.</summary>
    public abstract IEnumerable<KeyValuePair<string, string>> Fields(int client, int sequence, string email);

    public abstract bool IsExpectedLocation(int slugIndex, string location);
}

/// <summary>An in-kind pledge: one of the drive's needs, a quantity, a drop-off point and a day it is open.</summary>
public sealed class PledgeAction(string slug, IReadOnlyList<string> needIds, string pointId, DateOnly date) : FormAction
{
    public override IReadOnlyList<string> Slugs { get; } = [slug];
    protected override string Form => "bring";
    public override bool NeedsFormToken => false;
    public override HttpStatusCode Success => HttpStatusCode.Found;
    public IReadOnlyList<string> NeedIds => needIds;

    public int NeedIndexFor(int client, int sequence) => (client + sequence) % needIds.Count;

    public static int QuantityFor(int client, int sequence) => 1 + (client * 7 + sequence) % 5;

    public override IEnumerable<KeyValuePair<string, string>> Fields(int client, int sequence, string email)
    {
        yield return new("Form.NeedId", needIds[NeedIndexFor(client, sequence)]);
        yield return new("Form.Quantity", QuantityFor(client, sequence).ToString(CultureInfo.InvariantCulture));
        yield return new("Form.PointId", pointId);
        yield return new("Form.Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return new("Form.FirstName", "Camille");
        yield return new("Form.LastName", $"Bench {client}");
        yield return new("Form.Email", email);
        yield return new("Form.Consent", "true");
        if (sequence % 2 == 0)
        {
            yield return new("Form.EmailUpdates", "true");
        }
    }

    public override bool IsExpectedLocation(int slugIndex, string location)
    {
        var prefix = $"/c/{Slugs[slugIndex]}/bring/";
        return location.StartsWith(prefix, StringComparison.Ordinal) && location.Length > prefix.Length;
    }
}

/// <summary>An offline gift promise (bank transfer) of one of the suggested amounts, through each campaign's fundraiser.</summary>
public sealed class GiftAction(IReadOnlyList<string> slugs, string currency, long amountMinor) : FormAction
{
    public override IReadOnlyList<string> Slugs => slugs;
    protected override string Form => "give";
    public override bool NeedsFormToken => true;
    public override HttpStatusCode Success => HttpStatusCode.SeeOther;
    public long AmountMinor => amountMinor;

    public override IEnumerable<KeyValuePair<string, string>> Fields(int client, int sequence, string email)
    {
        yield return new("Form.Currency", currency);
        yield return new("Form.Amount", amountMinor.ToString(CultureInfo.InvariantCulture));
        yield return new("Form.OtherAmount", "");
        yield return new("Form.FirstName", "Camille");
        yield return new("Form.LastName", $"Bench {client}");
        yield return new("Form.Email", email);
        yield return new("Form.Message", sequence % 3 == 0 ? "Pour le centre." : "");
        yield return new("Form.Anonymous", "false");
        yield return new("Form.Method", "offline:transfer");
    }

    public override bool IsExpectedLocation(int slugIndex, string location) =>
        location.Contains("/promise?t=", StringComparison.Ordinal);
}
