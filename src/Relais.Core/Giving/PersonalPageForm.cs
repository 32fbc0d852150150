using Relais.Petitions;
using Relais.Supporters;

namespace Relais.Giving;

/// <summary>What a supporter types to open a personal fundraising page, and the rules it must meet.</summary>
public sealed record PersonalPageForm
{
    public const int TitleMax = 200;
    public const int StoryMax = 20_000;
    public const int TeamNameMax = 200;

    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Title { get; init; }
    public string? Story { get; init; }
    public string? Goal { get; init; }

    /// <summary>"none", "new" or "join".</summary>
    public string? TeamChoice { get; init; }
    public string? NewTeamName { get; init; }
    public string? NewTeamGoal { get; init; }
    public Guid? JoinTeamId { get; init; }

    /// <summary>The optional "keep me informed by email" box.</summary>
    public bool EmailUpdates { get; init; }

    /// <summary>The problems with the fields (field, message key); the goals parsed in the fundraiser's currency.</summary>
    public IReadOnlyList<FormError> Validate(string currency, out long goalMinor, out long teamGoalMinor)
    {
        var errors = new List<FormError>();
        FormRules.Text(errors, nameof(FirstName), FirstName, SignatureForm.NameMax, required: true);
        FormRules.Text(errors, nameof(LastName), LastName, SignatureForm.NameMax, required: false);
        if (string.IsNullOrWhiteSpace(Email))
        {
            errors.Add(new(nameof(Email), FormMessages.EmailRequired));
        }
        else if (!EmailAddress.IsValid(Email))
        {
            errors.Add(new(nameof(Email), FormMessages.EmailInvalid));
        }
        FormRules.Text(errors, nameof(Title), Title, TitleMax, required: true);
        FormRules.Text(errors, nameof(Story), Story, StoryMax, required: false);
        if (!MoneyParser.TryParse(Goal, currency, out goalMinor, out var error))
        {
            errors.Add(new(nameof(Goal), PersonalPageMessages.ForAmount(error)));
        }
        teamGoalMinor = 0;
        switch (TeamChoice)
        {
            case "new":
                FormRules.Text(errors, nameof(NewTeamName), NewTeamName, TeamNameMax, required: true);
                if (!string.IsNullOrWhiteSpace(NewTeamGoal) && !MoneyParser.TryParse(NewTeamGoal, currency, out teamGoalMinor, out var teamError))
                {
                    errors.Add(new(nameof(NewTeamGoal), PersonalPageMessages.ForAmount(teamError)));
                }
                break;
            case "join":
                if (JoinTeamId is null)
                {
                    errors.Add(new(nameof(JoinTeamId), FormMessages.Required));
                }
                break;
            case null or "" or "none":
                break;
            default:
                errors.Add(new(nameof(TeamChoice), FormMessages.Required));
                break;
        }
        return errors;
    }
}

/// <summary>Message keys of personal pages, and of each way a goal can be wrong.</summary>
public static class PersonalPageMessages
{
    public const string Missing = "Please give an amount.";
    public const string Malformed = "This amount is not a number we can read, such as 10 or 10,50.";
    public const string NotPositive = "The amount must be more than zero.";
    public const string TooManyDecimals = "This amount has too many decimals for its currency.";
    public const string TooLarge = "This amount is too large.";
    public const string NotAllowed = "This fundraiser does not take personal pages.";
    public const string AlreadyHasPage = "You already have a personal page for this fundraiser.";
    public const string TeamNameTaken = "A team already has this name.";
    public const string UnknownTeam = "This team does not exist any more.";
    public const string Conflict = "Someone just took this address or name. Please try again.";

    public static string ForAmount(AmountError error) => error switch
    {
        AmountError.Missing => Missing,
        AmountError.NotPositive => NotPositive,
        AmountError.TooManyDecimals => TooManyDecimals,
        AmountError.TooLarge => TooLarge,
        _ => Malformed,
    };
}

/// <summary>Slugs of personal pages and teams: from the title, with a suffix when taken.</summary>
public static class PageSlugs
{
    public const int Max = 60;

    public static string From(string text)
    {
        var slug = Relais.Campaigns.CampaignCanvas.SlugFrom(text);
        slug = slug.Length > Max ? slug[..Max].TrimEnd('-') : slug;
        return slug.Length == 0 ? "page" : slug;
    }

    public static string WithSuffix(string slug, int attempt) =>
        attempt == 0 ? slug : slug + "-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));
}
