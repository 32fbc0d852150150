namespace Relais.Relays;

/// <summary>One "who brought whom" link: <paramref name="RelayId"/> brought <paramref name="BroughtId"/>.</summary>
public readonly record struct RelayEdge(Guid RelayId, Guid BroughtId);

/// <summary>A person in the tree, with how many links separate them from the first relay above them (0 for a root).</summary>
public sealed record RelayNode(Guid Id, int Depth, IReadOnlyList<RelayNode> Children)
{
    /// <summary>This person and everyone below them.</summary>
    public int Size => 1 + Children.Sum(c => c.Size);
}

/// <summary>
/// Who brought whom, as a forest: roots are relays nobody brought. Each person keeps the first
/// relay credited for them; a link that would make a loop (possible only in hand-made or merged
/// data) is ignored, so every walk ends.
/// </summary>
public sealed class RelayTree
{
    private RelayTree(IReadOnlyList<RelayNode> roots, int depth, int people)
    {
        Roots = roots;
        Depth = depth;
        People = people;
    }

    /// <summary>The relays nobody brought, the biggest tree first.</summary>
    public IReadOnlyList<RelayNode> Roots { get; }

    /// <summary>The longest chain of links (0 when nobody was brought).</summary>
    public int Depth { get; }

    /// <summary>Everyone in the tree, relays and people brought.</summary>
    public int People { get; }

    public static RelayTree Build(IEnumerable<RelayEdge> edges)
    {
        var parent = new Dictionary<Guid, Guid>();
        var order = new List<Guid>();
        var position = new Dictionary<Guid, int>();
        void See(Guid id)
        {
            if (position.TryAdd(id, order.Count))
            {
                order.Add(id);
            }
        }
        foreach (var (relay, brought) in edges)
        {
            if (relay == brought || parent.ContainsKey(brought) || Reaches(parent, relay, brought))
            {
                See(relay);
                See(brought);
                continue;
            }
            parent[brought] = relay;
            See(relay);
            See(brought);
        }
        var children = new Dictionary<Guid, List<Guid>>();
        foreach (var (child, relay) in parent)
        {
            if (!children.TryGetValue(relay, out var list))
            {
                children[relay] = list = [];
            }
            list.Add(child);
        }
        var maxDepth = 0;
        RelayNode Node(Guid id, int depth)
        {
            maxDepth = Math.Max(maxDepth, depth);
            var below = children.TryGetValue(id, out var list)
                ? list.OrderBy(c => position[c]).Select(c => Node(c, depth + 1)).OrderByDescending(n => n.Size).ToList()
                : [];
            return new RelayNode(id, depth, below);
        }
        var roots = order.Where(id => !parent.ContainsKey(id)).Select(id => Node(id, 0))
            .OrderByDescending(n => n.Size).ToList();
        return new RelayTree(roots, maxDepth, order.Count);
    }

    /// <summary>True when walking up from <paramref name="from"/> meets <paramref name="target"/>.</summary>
    private static bool Reaches(Dictionary<Guid, Guid> parent, Guid from, Guid target)
    {
        var current = from;
        while (parent.TryGetValue(current, out var up))
        {
            if (up == target)
            {
                return true;
            }
            current = up;
        }
        return false;
    }
}
