using Relais.Relays;

namespace Relais.Core.Tests.Relays;

public sealed class RelayTreeTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = Guid.Parse("00000000-0000-0000-0000-00000000000d");
    private static readonly Guid E = Guid.Parse("00000000-0000-0000-0000-00000000000e");
    private static readonly Guid F = Guid.Parse("00000000-0000-0000-0000-00000000000f");

    [Fact]
    public void Build_NoLinks_IsEmptyWithDepthZero()
    {
        var tree = RelayTree.Build([]);

        Assert.Empty(tree.Roots);
        Assert.Equal((0, 0), (tree.Depth, tree.People));
    }

    [Fact]
    public void Build_TwoTrees_RootsBiggestFirstWithDepths()
    {
        // A brought B and C, B brought D; E brought F.
        var tree = RelayTree.Build([new(E, F), new(A, B), new(A, C), new(B, D)]);

        Assert.Equal([A, E], tree.Roots.Select(r => r.Id));
        Assert.Equal(2, tree.Depth);
        Assert.Equal(6, tree.People);
        var a = tree.Roots[0];
        Assert.Equal(4, a.Size);
        Assert.Equal([B, C], a.Children.Select(c => c.Id));
        Assert.Equal((D, 2), (a.Children[0].Children[0].Id, a.Children[0].Children[0].Depth));
    }

    [Fact]
    public void Build_LinkClosingALoop_IsIgnored()
    {
        var tree = RelayTree.Build([new(A, B), new(B, C), new(C, A)]);

        var root = Assert.Single(tree.Roots);
        Assert.Equal(A, root.Id);
        Assert.Equal(2, tree.Depth);
        Assert.Equal(3, root.Size);
    }

    [Fact]
    public void Build_SelfLinkAndSecondParent_AreIgnored()
    {
        var tree = RelayTree.Build([new(A, A), new(A, B), new(C, B)]);

        Assert.Equal([A, C], tree.Roots.Select(r => r.Id));
        Assert.Equal([B], tree.Roots[0].Children.Select(c => c.Id));
        Assert.Empty(tree.Roots[1].Children);
        Assert.Equal(1, tree.Depth);
    }

    [Fact]
    public void Build_LongChain_DepthIsItsLength()
    {
        var ids = Enumerable.Range(0, 500).Select(_ => Guid.NewGuid()).ToList();

        var tree = RelayTree.Build(ids.Zip(ids.Skip(1), (relay, brought) => new RelayEdge(relay, brought)));

        Assert.Equal(499, tree.Depth);
        Assert.Equal(500, Assert.Single(tree.Roots).Size);
    }
}
