using Microsoft.EntityFrameworkCore;
using Relais.Consents;
using Relais.Messaging;
using Relais.Segments;
using Relais.Supporters;

namespace Relais.Web.Tests.Delivery;

/// <summary>Arrangements the delivery tests share: supporters written straight to the database.</summary>
internal static class DeliveryArrange
{
    public static Supporter Person(Guid organizationId, string? email = null, string language = "en", int rank = 0, bool mailable = true)
    {
        var address = email ?? $"p-{Guid.NewGuid():N}@example.org";
        var now = DateTimeOffset.UtcNow;
        return new Supporter
        {
            OrganizationId = organizationId,
            Email = address,
            NormalizedEmail = EmailAddress.Normalize(address),
            FirstName = "First",
            LastName = "Last",
            Language = language,
            LadderRank = rank,
            LastActiveAt = now,
            // Placed in the future so that the ladder job leaves the arranged rank alone.
            LadderEvaluatedAt = now.AddYears(1),
            EmailConsent = mailable ? EmailConsentState.Granted : EmailConsentState.None,
        };
    }

    public static async Task<List<Supporter>> PeopleAsync(this TestData data, IEnumerable<Supporter> people)
    {
        var list = people.ToList();
        await data.QueryAsync(async db =>
        {
            db.Supporters.AddRange(list);
            await db.SaveChangesAsync();
            return 0;
        });
        return list;
    }
}

/// <summary>Messages and their sends, arranged in the database and awaited.</summary>
internal static class MessageArrange
{
    public const string AllSupporters = """{"match":"all","conditions":[]}""";

    public static async Task<Message> MessageAsync(
        this TestData data, Guid organizationId, string? segmentDefinition = AllSupporters, Guid? campaignId = null,
        string body = "Hello {{ first_name | friend }}, see {{ campaign_link }}.", bool overrideCap = false)
    {
        return await data.QueryAsync(async db =>
        {
            Guid? segmentId = null;
            if (segmentDefinition is not null)
            {
                var segment = new Segment { OrganizationId = organizationId, Name = "Everyone " + Guid.NewGuid().ToString("N")[..8], Definition = segmentDefinition };
                db.Segments.Add(segment);
                segmentId = segment.Id;
            }
            var message = new Message { OrganizationId = organizationId, Name = "Newsletter " + Guid.NewGuid().ToString("N")[..6], SegmentId = segmentId, CampaignId = campaignId, OverrideFrequencyCap = overrideCap };
            db.Messages.Add(message);
            db.MessageVersions.Add(new MessageVersion { MessageId = message.Id, Language = "en", Subject = "News for {{ first_name }}", Body = body });
            db.MessageVersions.Add(new MessageVersion { MessageId = message.Id, Language = "fr", Subject = "Nouvelles pour {{ first_name }}", Body = body });
            await db.SaveChangesAsync();
            return message;
        });
    }

    public static Task<Message> ReadAsync(this TestData data, Guid messageId) =>
        data.QueryAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == messageId));

    public static Task<List<MessageRecipient>> RecipientsAsync(this TestData data, Guid messageId) =>
        data.QueryAsync(db => db.MessageRecipients.AsNoTracking().Where(r => r.MessageId == messageId).OrderBy(r => r.Id).ToListAsync());

    /// <summary>Waits until the message reaches <paramref name="status"/> (the sender runs in the background).</summary>
    public static async Task<Message> UntilAsync(this TestData data, Guid messageId, MessageStatus status, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var message = await data.ReadAsync(messageId);
            if (message.Status == status)
            {
                return message;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The message stayed {message.Status}, expected {status}.");
            await Task.Delay(50);
        }
    }

    public static async Task<HttpResponseMessage> PostActionAsync(this HttpClient client, Guid messageId, string verb, Dictionary<string, string>? fields = null)
    {
        var token = await client.TokenAsync("/admin/segments/new");
        var form = new Dictionary<string, string>(fields ?? []) { ["__af"] = token };
        return await client.PostAsync($"/admin/messages/{messageId}/{verb}", new FormUrlEncodedContent(form));
    }
}
