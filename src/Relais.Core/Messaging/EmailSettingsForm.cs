using System.Text.RegularExpressions;
using Relais.Petitions;
using Relais.Supporters;

namespace Relais.Messaging;

/// <summary>The email settings' own error texts, translated by the web layer.</summary>
public static class EmailSettingsMessages
{
    public const string CapOutOfRange = "Choose a weekly cap between 0 (no cap) and 50.";
    public const string InvalidDomain = "This is not a valid domain name.";
    public const string InvalidSelector = "A selector is letters, digits and hyphens, such as \"relais2026\".";
    public const string InvalidKey = "This is not an RSA private key in PEM format (of at least 1024 bits).";
    public const string DkimIncomplete = "DKIM needs a domain, a selector and a private key.";
}

/// <summary>What an organizer edits on /admin/settings/email, and its rules.</summary>
public sealed partial record EmailSettingsForm
{
    public const int MaxWeeklyCap = 50;

    public string? FromName { get; init; }
    public string? FromAddress { get; init; }
    public string? ReplyTo { get; init; }
    public int WeeklyCap { get; init; } = 3;
    public string? DkimDomain { get; init; }
    public string? DkimSelector { get; init; }

    /// <summary>A new key pasted in; empty keeps the stored one (which is never sent back to the browser).</summary>
    public string? DkimPrivateKeyPem { get; init; }

    /// <summary>Removes DKIM signing: domain, selector and key.</summary>
    public bool RemoveDkim { get; init; }

    public static EmailSettingsForm From(EmailSettings? settings) => settings is null
        ? new()
        : new()
        {
            FromName = settings.FromName,
            FromAddress = settings.FromAddress,
            ReplyTo = settings.ReplyTo,
            WeeklyCap = settings.WeeklyCap,
            DkimDomain = settings.DkimDomain,
            DkimSelector = settings.DkimSelector,
        };

    public IReadOnlyList<FormError> Validate(bool hasStoredKey)
    {
        var errors = new List<FormError>();
        if (FromName is { } name && (name.Trim().Length > EmailSettings.FromNameMax || name.Any(char.IsControl)))
        {
            errors.Add(new(nameof(FromName), name.Any(char.IsControl) ? FormMessages.InvalidCharacters : FormMessages.TooLong));
        }
        Address(errors, nameof(FromAddress), FromAddress);
        Address(errors, nameof(ReplyTo), ReplyTo);
        if (WeeklyCap is < 0 or > MaxWeeklyCap)
        {
            errors.Add(new(nameof(WeeklyCap), EmailSettingsMessages.CapOutOfRange));
        }
        if (RemoveDkim)
        {
            return errors;
        }
        var domain = DkimDomain?.Trim();
        var selector = DkimSelector?.Trim();
        var key = DkimPrivateKeyPem?.Trim();
        if (!string.IsNullOrEmpty(domain) && (domain.Length > EmailSettings.DomainMax || !DomainPattern().IsMatch(domain)))
        {
            errors.Add(new(nameof(DkimDomain), EmailSettingsMessages.InvalidDomain));
        }
        if (!string.IsNullOrEmpty(selector) && (selector.Length > EmailSettings.SelectorMax || !SelectorPattern().IsMatch(selector)))
        {
            errors.Add(new(nameof(DkimSelector), EmailSettingsMessages.InvalidSelector));
        }
        if (!string.IsNullOrEmpty(key) && (key.Length > EmailSettings.KeyMax || !DkimKeys.IsValidPrivateKey(key)))
        {
            errors.Add(new(nameof(DkimPrivateKeyPem), EmailSettingsMessages.InvalidKey));
        }
        var hasKey = !string.IsNullOrEmpty(key) || hasStoredKey;
        var given = new[] { !string.IsNullOrEmpty(domain), !string.IsNullOrEmpty(selector), !string.IsNullOrEmpty(key) };
        if (given.Any(g => g) && (string.IsNullOrEmpty(domain) || string.IsNullOrEmpty(selector) || !hasKey))
        {
            errors.Add(new(nameof(DkimDomain), EmailSettingsMessages.DkimIncomplete));
        }
        return errors;
    }

    /// <summary>Copies valid settings; an empty key field keeps the stored key.</summary>
    public void ApplyTo(EmailSettings settings, DateTimeOffset now)
    {
        settings.FromName = Clean(FromName);
        settings.FromAddress = Clean(FromAddress);
        settings.ReplyTo = Clean(ReplyTo);
        settings.WeeklyCap = WeeklyCap;
        if (RemoveDkim)
        {
            (settings.DkimDomain, settings.DkimSelector, settings.DkimPrivateKeyPem) = (null, null, null);
        }
        else
        {
            settings.DkimDomain = Clean(DkimDomain)?.ToLowerInvariant();
            settings.DkimSelector = Clean(DkimSelector);
            if (Clean(DkimPrivateKeyPem) is { } key)
            {
                settings.DkimPrivateKeyPem = key;
            }
            if (settings.DkimDomain is null && settings.DkimSelector is null)
            {
                settings.DkimPrivateKeyPem = null;
            }
        }
        settings.UpdatedAt = now;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Address(List<FormError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        if (value.Trim().Length > EmailSettings.AddressMax || !EmailAddress.IsValid(value.Trim()))
        {
            errors.Add(new(field, FormMessages.EmailInvalid));
        }
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$")]
    private static partial Regex SelectorPattern();
}
