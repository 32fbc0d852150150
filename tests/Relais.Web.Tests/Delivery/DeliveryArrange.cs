using Relais.Consents;
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
