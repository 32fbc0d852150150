using Microsoft.AspNetCore.Mvc.RazorPages;
using Relais.Petitions;
using Relais.Web.Campaigns;
using Relais.Web.Localization;

namespace Relais.Web.Pages;

public sealed class IndexModel(PublishedCampaigns published, PetitionCounters counters) : PageModel
{
    public IReadOnlyList<CampaignCard> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Campaigns = await published.ListAsync(LocalizationSetup.CurrentLanguage, ct);

    public int CountOf(CampaignCard card) =>
        card.PetitionId is { } id ? counters.Get(id, card.StoredCount) : 0;
}
