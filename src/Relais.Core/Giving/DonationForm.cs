using System.Globalization;
using Relais.Petitions;
using Relais.Supporters;

namespace Relais.Giving;

/// <summary>What a donor typed into the donate form, and the rules it must meet.</summary>
public sealed record DonationForm
{
    public const int NameMax = 100;
    public const int MessageMax = 500;
    public const int AddressMax = 200;

    /// <summary>The chosen suggested amount, in minor units, or empty when the donor types their own.</summary>
    public string? Amount { get; init; }

    /// <summary>An amount typed by the donor ("10,50"); wins over <see cref="Amount"/> when filled.</summary>
    public string? OtherAmount { get; init; }

    /// <summary>The currency the form was shown in; a different one from the fundraiser's is refused.</summary>
    public string? Currency { get; init; }

    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Message { get; init; }
    public bool Anonymous { get; init; }
    public bool EmailUpdates { get; init; }
    public bool WantsTaxReceipt { get; init; }
    public string? StreetAddress { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }

    /// <summary>"offline:transfer", "offline:cheque", "offline:cash" or an online provider's key.</summary>
    public string? Method { get; init; }

    /// <summary>The amount the form asks for in minor units, or the reason it cannot be read.</summary>
    public (long Minor, AmountError Error) ReadAmount(Fundraiser fundraiser)
    {
        if (!string.IsNullOrWhiteSpace(OtherAmount))
        {
            if (!fundraiser.AllowCustomAmount)
            {
                return (0, AmountError.Malformed);
            }
            return MoneyParser.TryParse(OtherAmount, fundraiser.Currency, out var typed, out var error) ? (typed, AmountError.None) : (0, error);
        }
        if (string.IsNullOrWhiteSpace(Amount))
        {
            return (0, AmountError.Missing);
        }
        var text = Amount.Trim();
        if (text.StartsWith('-'))
        {
            return (0, AmountError.NotPositive);
        }
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen))
        {
            return (0, AmountError.Malformed);
        }
        if (chosen <= 0)
        {
            return (0, AmountError.NotPositive);
        }
        if (chosen > MoneyParser.DefaultMaxMajor * Currencies.UnitOf(fundraiser.Currency))
        {
            return (0, AmountError.TooLarge);
        }
        // A chosen amount that is not suggested is a typed amount in disguise (a preselected ?amount=).
        if (!fundraiser.AllowCustomAmount && !fundraiser.SuggestedAmountList.Contains(chosen))
        {
            return (0, AmountError.Malformed);
        }
        return (chosen, AmountError.None);
    }

    /// <summary>The problems with the donor's details, as (field, message key) pairs; the amount is read apart.</summary>
    public IReadOnlyList<FormError> Validate(bool messagesAllowed)
    {
        var errors = new List<FormError>();
        FormRules.Text(errors, nameof(FirstName), FirstName, NameMax, required: true);
        FormRules.Text(errors, nameof(LastName), LastName, NameMax, required: true);
        if (string.IsNullOrWhiteSpace(Email))
        {
            errors.Add(new(nameof(Email), FormMessages.EmailRequired));
        }
        else if (!EmailAddress.IsValid(Email))
        {
            errors.Add(new(nameof(Email), FormMessages.EmailInvalid));
        }
        if (messagesAllowed)
        {
            FormRules.Text(errors, nameof(Message), Message, MessageMax, required: false);
        }
        if (WantsTaxReceipt)
        {
            FormRules.Text(errors, nameof(StreetAddress), StreetAddress, AddressMax, required: true);
            FormRules.Text(errors, nameof(PostalCode), PostalCode, SignatureForm.PostalCodeMax, required: true);
            FormRules.Text(errors, nameof(City), City, NameMax, required: true);
            if (!Countries.IsKnown(Country))
            {
                errors.Add(new(nameof(Country), FormMessages.CountryRequired));
            }
        }
        else
        {
            FormRules.Text(errors, nameof(PostalCode), PostalCode, SignatureForm.PostalCodeMax, required: false);
            FormRules.Country(errors, nameof(Country), Country);
        }
        if (string.IsNullOrWhiteSpace(Method))
        {
            errors.Add(new(nameof(Method), GivingMessages.MethodRequired));
        }
        return errors;
    }

    /// <summary>The name on the donor wall: first name and the initial of the last, unless anonymous.</summary>
    public string? WallName()
    {
        if (Anonymous || string.IsNullOrWhiteSpace(FirstName))
        {
            return null;
        }
        var name = FirstName.Trim();
        if (!string.IsNullOrWhiteSpace(LastName))
        {
            name += " " + char.ToUpperInvariant(LastName.Trim()[0]) + ".";
        }
        return name.Length > 100 ? name[..100] : name;
    }
}

/// <summary>Message keys of giving; the web layer holds their French and English text.</summary>
public static class GivingMessages
{
    public const string ProviderUnavailable = "The payment service did not answer. Nothing was charged: try again or choose another way to pay.";
    public const string PeopleGaveMoney = "people gave money";
    public const string MethodRequired = "Please choose how you will pay.";
    public const string AmountMissing = "Please choose or type an amount.";
    public const string AmountMalformed = "Type the amount in figures, such as 10 or 10,50.";
    public const string AmountNotPositive = "The amount must be more than zero.";
    public const string AmountTooManyDecimals = "The amount has too many decimals.";
    public const string AmountTooLarge = "This amount is too large.";
    public const string CurrencyMismatch = "The currency of the form does not match the fundraiser's. Please reload the page.";
    public const string Closed = "This fundraiser is closed and no longer takes donations.";
    public const string Expired = "Your form had expired. Please check your details and give again.";

    public static string ForAmount(AmountError error) => error switch
    {
        AmountError.Missing => AmountMissing,
        AmountError.NotPositive => AmountNotPositive,
        AmountError.TooManyDecimals => AmountTooManyDecimals,
        AmountError.TooLarge => AmountTooLarge,
        _ => AmountMalformed,
    };
}
