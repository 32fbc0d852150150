using Relais.Messaging;
using Relais.Segments;
using Relais.Supporters;

namespace Relais.Web.Tests.Messages;

/// <summary>Arranges what the composer needs: segments, messages and supporters of one organization.</summary>
public static class ComposerData
{
    public static async Task<Guid> SegmentAsync(this RelaisHost host, Guid organizationId, string name = "Everyone")
    {
        var segment = new Segment { OrganizationId = organizationId, Name = name };
        await host.Data.QueryAsync(db =>
        {
            db.Segments.Add(segment);
            return db.SaveChangesAsync();
        });
        return segment.Id;
    }

    public static async Task<Guid> MessageAsync(
        this RelaisHost host, Guid organizationId, string name = "Update", MessageStatus status = MessageStatus.Draft,
        string body = "Hello {{ first_name | friend }}", Guid? campaignId = null)
    {
        var message = new Message { OrganizationId = organizationId, Name = name, Status = status, CampaignId = campaignId };
        await host.Data.QueryAsync(db =>
        {
            db.Messages.Add(message);
            db.MessageVersions.Add(new MessageVersion { MessageId = message.Id, Language = "fr", Subject = "Des nouvelles", Body = "Bonjour {{ first_name | ami }}, " + body });
            db.MessageVersions.Add(new MessageVersion { MessageId = message.Id, Language = "en", Subject = "News", Preheader = "Read on", Body = body });
            return db.SaveChangesAsync();
        });
        return message.Id;
    }

    public static async Task<Supporter> SupporterAsync(
        this RelaisHost host, Guid organizationId, string email, string firstName, string language)
    {
        var supporter = new Supporter
        {
            OrganizationId = organizationId,
            Email = email,
            NormalizedEmail = email.ToLowerInvariant(),
            FirstName = firstName,
            LastName = "Durand",
            Language = language,
        };
        await host.Data.QueryAsync(db =>
        {
            db.Supporters.Add(supporter);
            return db.SaveChangesAsync();
        });
        return supporter;
    }

    public static Dictionary<string, string> Draft(string name = "October update", string? segmentId = null, string? campaignId = null) => new()
    {
        ["Input.Name"] = name,
        ["Input.SegmentId"] = segmentId ?? "",
        ["Input.CampaignId"] = campaignId ?? "",
        ["Input.Fr.Subject"] = "Nouvelles de la campagne",
        ["Input.Fr.Preheader"] = "{{ counter }} signatures",
        ["Input.Fr.Body"] = "Bonjour {{ first_name | ami·e }},\n\nMerci ! [Partagez]({{ relay_link }})",
        ["Input.En.Subject"] = "Campaign news",
        ["Input.En.Preheader"] = "{{ counter }} signatures",
        ["Input.En.Body"] = "Hello {{ first_name | friend }},\n\nThank you! [Share]({{ relay_link }})",
        ["Input.AttributionDays"] = "14",
        ["Input.TrackClicks"] = "true",
    };
}
