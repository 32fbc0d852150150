namespace Relais.Web.Live;

/// <summary>
/// A petition's count and progress toward its goal, as server-rendered HTML that live.js keeps
/// up to date (Pages/Shared/_Thermometer.cshtml): used by campaign pages and counter embeds.
/// </summary>
public sealed record Thermometer(string Slug, int Count, int Goal)
{
    public static Thermometer For(string slug, int count, int goal) =>
        new(slug, count, Relais.Petitions.Petition.DisplayedGoal(count, goal));

    public string LiveUrl => $"/c/{Uri.EscapeDataString(Slug)}/live";
}
