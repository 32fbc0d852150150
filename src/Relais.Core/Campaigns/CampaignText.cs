namespace Relais.Campaigns;

/// <summary>The words of a campaign canvas in one language (Change.org's ten commandments).</summary>
public sealed class CampaignText
{
    public Guid CampaignId { get; set; }
    public required string Language { get; set; }
    public required string Title { get; set; }

    /// <summary>A clear, achievable ask.</summary>
    public string Ask { get; set; } = "";

    /// <summary>The named decision maker who can grant the ask.</summary>
    public string Target { get; set; } = "";

    public string TheoryOfChange { get; set; } = "";

    /// <summary>Who the campaign already reaches, and the tools that fit their habits.</summary>
    public string Base { get; set; } = "";

    public string Allies { get; set; } = "";
    public string CallToAction { get; set; } = "";

    /// <summary>Storytelling that creates empathy, in Markdown (raw HTML is never rendered).</summary>
    public string Story { get; set; } = "";

    /// <summary>The viral hook in words, beside the hashtag and the image.</summary>
    public string Hook { get; set; } = "";
}
