using Relais.Activities;

namespace Relais.Ladder;

/// <summary>What the ladder's rules look at for one supporter, gathered by set-based queries.</summary>
public sealed class SupporterFacts
{
    private readonly Dictionary<(ActivityType Type, int Days), int> _counts = [];

    public bool EmailConsentGranted { get; set; }
    public bool LeadsGroup { get; set; }
    public bool InGroup { get; set; }

    /// <summary>How many activities of <paramref name="type"/>, ever or within the last <paramref name="withinDays"/> days.</summary>
    public int Count(ActivityType type, int? withinDays = null) => _counts.GetValueOrDefault((type, withinDays ?? 0));

    public SupporterFacts With(ActivityType type, int count, int? withinDays = null)
    {
        _counts[(type, withinDays ?? 0)] = count;
        return this;
    }
}
