using Relais.Campaigns;
using Relais.Petitions;
using Relais.Supporters;

namespace Relais.Channels;

/// <summary>A channel as an organizer creates or edits it, and the rules it must meet.</summary>
public sealed record ChannelForm
{
    public const int TopicMax = 100;
    public const int DescriptionMax = 1_000;

    public string? Name { get; init; }

    /// <summary>Made from the name when left empty.</summary>
    public string? Slug { get; init; }

    public string? Country { get; init; }
    public string? Topic { get; init; }
    public string? Description { get; init; }
    public bool OpenToChoice { get; init; } = true;

    public static ChannelForm From(Channel channel) => new()
    {
        Name = channel.Name,
        Slug = channel.Slug,
        Country = channel.Country,
        Topic = channel.Topic,
        Description = channel.Description,
        OpenToChoice = channel.OpenToChoice,
    };

    /// <summary>The slug to store: the one typed, lower-cased, or one made from the name.</summary>
    public string? EffectiveSlug =>
        !string.IsNullOrWhiteSpace(Slug) ? Slug.Trim().ToLowerInvariant()
        : !string.IsNullOrWhiteSpace(Name) ? CampaignCanvas.SlugFrom(Name)
        : null;

    public IReadOnlyList<FormError> Validate()
    {
        var errors = new List<FormError>();
        FormRules.Text(errors, nameof(Name), Name, Channel.NameMax, required: true);
        if (!string.IsNullOrWhiteSpace(Name) && (EffectiveSlug is not { Length: <= Channel.SlugMax } slug || !CampaignCanvas.IsValidSlug(slug)))
        {
            errors.Add(new(nameof(Slug), CampaignMessages.SlugInvalid));
        }
        FormRules.Country(errors, nameof(Country), Country);
        FormRules.Text(errors, nameof(Topic), Topic, TopicMax, required: false);
        FormRules.Text(errors, nameof(Description), Description, DescriptionMax, required: false);
        return errors;
    }

    public void ApplyTo(Channel channel)
    {
        channel.Name = Name!.Trim();
        channel.Slug = EffectiveSlug!;
        channel.Country = FormRules.OrNull(Country)?.ToUpperInvariant();
        channel.Topic = FormRules.OrNull(Topic);
        channel.Description = FormRules.OrNull(Description);
        channel.OpenToChoice = OpenToChoice;
    }
}
