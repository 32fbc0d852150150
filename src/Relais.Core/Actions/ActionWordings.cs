using Microsoft.EntityFrameworkCore;
using Relais.Consents;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Actions;

/// <summary>
/// The consent wording each form shows and records: the organizer's own for that action and
/// language, else the default. A petition's default is the organization's wording of
/// <c>/admin/settings</c> (its version is the organization's); the others are Relais's own
/// sentences below, at version 0, naming what the form stores and why.
/// </summary>
public static class ActionWordings
{
    /// <summary>The consent purpose each form records.</summary>
    public static string PurposeOf(string form) => form switch
    {
        ActionForms.Sign => ConsentPurposes.PetitionSignature,
        ActionForms.Give => ConsentPurposes.Donation,
        ActionForms.Pledge => ConsentPurposes.ItemPledge,
        ActionForms.OpenPage => ConsentPurposes.FundraisingPage,
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "Not a form of an action."),
    };

    /// <summary>Relais's sentence for a form that the organizer has not worded (every form but the petition's).</summary>
    public static string Default(string form, string language, string organizationName) => (form, language == Languages.English) switch
    {
        (ActionForms.Give, true) =>
            $"{organizationName} records my gift, and my address if I ask for a tax receipt, to process it, thank me and send my receipt.",
        (ActionForms.Give, false) =>
            $"{organizationName} enregistre mon don, et mon adresse si je demande un reçu fiscal, pour le traiter, me remercier et m’envoyer mon reçu.",
        (ActionForms.Pledge, true) =>
            $"I agree that {organizationName} records my pledge and contacts me about bringing it.",
        (ActionForms.Pledge, false) =>
            $"J’accepte que {organizationName} enregistre ma promesse de don et me contacte pour sa remise.",
        (ActionForms.OpenPage, true) =>
            $"I agree that my first name, my page's story and what it raises are shown publicly, and that {organizationName} contacts me about my page.",
        (ActionForms.OpenPage, false) =>
            $"J’accepte que mon prénom, le texte de ma page et ce qu’elle collecte soient publics, et que {organizationName} me contacte au sujet de ma page.",
        (ActionForms.Sign, _) => throw new ArgumentException("A petition's default wording is the organization's.", nameof(form)),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "Not a form of an action."),
    };

    /// <summary>The wording <paramref name="form"/> of <paramref name="actionId"/> shows in <paramref name="language"/>.</summary>
    public static async Task<ShownConsent> ForAsync(RelaisDb db, Guid organizationId, Guid actionId, string form, string language, CancellationToken ct)
    {
        var own = await db.ActionWordings.AsNoTracking()
            .Where(w => w.OrganizationId == organizationId && w.ActionId == actionId && w.Form == form && w.Language == language)
            .Select(w => new { w.Text, w.Version })
            .SingleOrDefaultAsync(ct);
        if (own is not null)
        {
            return new ShownConsent(PurposeOf(form), own.Text, own.Version);
        }
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new { o.Name, o.ConsentWordingFr, o.ConsentWordingEn, o.ConsentWordingVersion })
            .SingleAsync(ct);
        return form == ActionForms.Sign
            ? new ShownConsent(PurposeOf(form), language == Languages.English ? organization.ConsentWordingEn : organization.ConsentWordingFr, organization.ConsentWordingVersion)
            : new ShownConsent(PurposeOf(form), Default(form, language, organization.Name), 0);
    }

    /// <summary>
    /// Saves the organizer's wording (a new version when the words changed); an empty text goes
    /// back to the default. Returns whether anything changed.
    /// </summary>
    public static async Task<bool> SaveAsync(
        RelaisDb db, Guid organizationId, Guid actionId, string form, string language, string? text, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.ActionWordings
            .SingleOrDefaultAsync(w => w.OrganizationId == organizationId && w.ActionId == actionId && w.Form == form && w.Language == language, ct);
        var words = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (words is null)
        {
            if (row is null)
            {
                return false;
            }
            db.ActionWordings.Remove(row);
        }
        else if (row is null)
        {
            db.ActionWordings.Add(new ActionWording
            {
                OrganizationId = organizationId,
                ActionId = actionId,
                Form = form,
                Language = language,
                Text = words,
                UpdatedAt = now,
            });
        }
        else if (row.Text != words)
        {
            row.Text = words;
            row.Version++;
            row.UpdatedAt = now;
        }
        else
        {
            return false;
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
