using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Web.Localization;

namespace Relais.Web.Giving;

/// <summary>
/// A promise to pay by transfer, cash or cheque: nothing leaves Relais; the donor reads the
/// organization's instructions and the organizer later marks the donation received.
/// </summary>
public sealed class OfflinePaymentProvider(IDbContextFactory<RelaisDb> dbFactory, IStringLocalizer<SharedResource> localizer) : IPaymentProvider
{
    public const string ProviderKey = "offline";

    public string Key => ProviderKey;

    public string DisplayName => localizer["Transfer, cash or cheque"];

    public async Task<bool> IsEnabledAsync(Guid organizationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OfflinePaymentSettings.AnyAsync(
            s => s.OrganizationId == organizationId && (s.TransferEnabled || s.ChequeEnabled || s.CashEnabled), ct);
    }

    public async Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slug = await db.Campaigns.Where(c => c.Id == request.Donation.CampaignId && c.OrganizationId == request.Donation.OrganizationId)
            .Select(c => c.Slug).SingleAsync(ct);
        return new PaymentStart(GivingUrls.Promise(request.ReturnUrl, slug, request.Donation), null);
    }
}
