using Relais.Organizations;

namespace Relais.Messaging;

/// <summary>One language of the composer form; empty when that language is not written.</summary>
public sealed class VersionDraft
{
    public string? Subject { get; set; }
    public string? Preheader { get; set; }
    public string? Body { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Subject) && string.IsNullOrWhiteSpace(Preheader) && string.IsNullOrWhiteSpace(Body);
}

/// <summary>A composer error: the form field it belongs to, the message key and its arguments (language keys are translated by the page).</summary>
public sealed record ComposerError(string Field, string Key, params object[] Arguments);

/// <summary>The composer form: a message's name, audience, options and its French and English versions.</summary>
public sealed class MessageDraft
{
    public const int MinAttributionDays = 1;
    public const int MaxAttributionDays = 90;

    public string? Name { get; set; }
    public string? SegmentId { get; set; }
    public string? CampaignId { get; set; }
    public VersionDraft Fr { get; set; } = new();
    public VersionDraft En { get; set; } = new();
    public bool TrackClicks { get; set; }
    public bool TrackOpens { get; set; }
    public bool OverrideFrequencyCap { get; set; }
    public int AttributionDays { get; set; } = 7;

    public IEnumerable<(string Language, VersionDraft Version)> Versions()
    {
        yield return (Languages.French, Fr);
        yield return (Languages.English, En);
    }

    public static MessageDraft From(Message message, IEnumerable<MessageVersion> versions)
    {
        var draft = new MessageDraft
        {
            Name = message.Name,
            SegmentId = message.SegmentId?.ToString(),
            CampaignId = message.CampaignId?.ToString(),
            TrackClicks = message.TrackClicks,
            TrackOpens = message.TrackOpens,
            OverrideFrequencyCap = message.OverrideFrequencyCap,
            AttributionDays = message.AttributionDays,
        };
        foreach (var version in versions)
        {
            var target = version.Language == Languages.English ? draft.En : draft.Fr;
            (target.Subject, target.Preheader, target.Body) = (version.Subject, version.Preheader, version.Body);
        }
        return draft;
    }

    /// <summary>
    /// Everything that can be checked without the database: lengths, a version in at least one
    /// language, and every merge field readable and known (the same check a send makes).
    /// </summary>
    public IReadOnlyList<ComposerError> Validate()
    {
        var errors = new List<ComposerError>();
        Name = Name?.Trim();
        if (string.IsNullOrEmpty(Name))
        {
            errors.Add(new(nameof(Name), ComposerMessages.NameRequired));
        }
        else if (Name.Length > Message.NameMax)
        {
            errors.Add(new(nameof(Name), ComposerMessages.NameTooLong, Message.NameMax));
        }
        if (AttributionDays is < MinAttributionDays or > MaxAttributionDays)
        {
            errors.Add(new(nameof(AttributionDays), ComposerMessages.AttributionDays));
        }
        if (Fr.IsEmpty && En.IsEmpty)
        {
            errors.Add(new("Fr.Subject", ComposerMessages.NoVersion));
        }
        foreach (var (language, version) in Versions())
        {
            if (!version.IsEmpty)
            {
                ValidateVersion(language, version, errors);
            }
        }
        return errors;
    }

    private void ValidateVersion(string language, VersionDraft version, List<ComposerError> errors)
    {
        var prefix = language == Languages.English ? "En." : "Fr.";
        var languageKey = language == Languages.English ? ComposerMessages.English : ComposerMessages.French;
        version.Subject = version.Subject?.Trim() ?? "";
        version.Preheader = version.Preheader?.Trim() ?? "";
        version.Body ??= "";
        var count = errors.Count;
        if (version.Subject.Length == 0)
        {
            errors.Add(new(prefix + nameof(VersionDraft.Subject), ComposerMessages.SubjectRequired, languageKey));
        }
        else if (version.Subject.Length > MessageVersion.SubjectMax)
        {
            errors.Add(new(prefix + nameof(VersionDraft.Subject), ComposerMessages.SubjectTooLong, languageKey, MessageVersion.SubjectMax));
        }
        if (version.Preheader.Length > MessageVersion.PreheaderMax)
        {
            errors.Add(new(prefix + nameof(VersionDraft.Preheader), ComposerMessages.PreheaderTooLong, languageKey, MessageVersion.PreheaderMax));
        }
        if (string.IsNullOrWhiteSpace(version.Body))
        {
            errors.Add(new(prefix + nameof(VersionDraft.Body), ComposerMessages.BodyRequired, languageKey));
        }
        else if (version.Body.Length > MessageVersion.BodyMax)
        {
            errors.Add(new(prefix + nameof(VersionDraft.Body), ComposerMessages.BodyTooLong, languageKey, MessageVersion.BodyMax));
        }
        if (errors.Count > count)
        {
            return;
        }
        foreach (var error in MergeTemplate.Parse(version.Subject, version.Preheader, version.Body, TrackClicks).Errors)
        {
            var field = prefix + error.Part switch { "subject" => nameof(VersionDraft.Subject), "preheader" => nameof(VersionDraft.Preheader), _ => nameof(VersionDraft.Body) };
            errors.Add(error.Field is { } name
                ? new(field, ComposerMessages.UnknownField, name, languageKey)
                : new(field, ComposerMessages.UnreadableField, error.Excerpt, languageKey, "{{ first_name }} / {{ first_name | fallback }}"));
        }
    }

    /// <summary>The versions to store: one per written language, as typed (Markdown is rendered and escaped only when sent).</summary>
    public IReadOnlyList<MessageVersion> ToVersions(Guid messageId) =>
        [.. Versions().Where(v => !v.Version.IsEmpty).Select(v => new MessageVersion
        {
            MessageId = messageId,
            Language = v.Language,
            Subject = v.Version.Subject ?? "",
            Preheader = v.Version.Preheader ?? "",
            Body = v.Version.Body ?? "",
        })];

    public void ApplyTo(Message message, Guid? segmentId, Guid? campaignId, DateTimeOffset now)
    {
        message.Name = Name!;
        message.SegmentId = segmentId;
        message.CampaignId = campaignId;
        message.TrackClicks = TrackClicks;
        message.TrackOpens = TrackOpens;
        message.OverrideFrequencyCap = OverrideFrequencyCap;
        message.AttributionDays = AttributionDays;
        message.UpdatedAt = now;
    }
}
