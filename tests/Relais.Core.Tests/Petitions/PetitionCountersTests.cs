using Relais.Petitions;

namespace Relais.Core.Tests.Petitions;

public class PetitionCountersTests
{
    private readonly PetitionCounters _counters = new();
    private readonly Guid _petition = Guid.CreateVersion7();

    [Fact]
    public void Get_UnknownPetition_SeedsWithStored()
    {
        Assert.Equal(120, _counters.Get(_petition, 120));
        Assert.Equal(120, _counters.Get(_petition));
        Assert.Contains(_petition, _counters.Known);
    }

    [Fact]
    public void Get_WithoutStoredOnUnknown_GivesNull() => Assert.Null(_counters.Get(_petition));

    [Fact]
    public void Get_KnownAheadOfStored_KeepsKnown()
    {
        _counters.Get(_petition, 120);
        _counters.Add(_petition, 5);

        Assert.Equal(125, _counters.Get(_petition, 120));
    }

    [Fact]
    public void Add_UnknownPetition_DoesNothing()
    {
        _counters.Add(_petition, 3);

        Assert.Null(_counters.Get(_petition));
        Assert.DoesNotContain(_petition, _counters.Known);
    }

    [Fact]
    public void Add_KnownPetition_AddsSignatures()
    {
        _counters.Get(_petition, 10);

        _counters.Add(_petition, 1);
        _counters.Add(_petition, 4);

        Assert.Equal(15, _counters.Get(_petition));
    }

    [Fact]
    public void Add_OnePetition_LeavesOthersAlone()
    {
        var other = Guid.CreateVersion7();
        _counters.Get(_petition, 10);
        _counters.Get(other, 20);

        _counters.Add(_petition, 1);

        Assert.Equal(20, _counters.Get(other));
    }

    [Fact]
    public void Refresh_StaleStoredBehindMemory_NeverLowers()
    {
        _counters.Get(_petition, 100);
        _counters.Add(_petition, 3);

        _counters.Refresh(_petition, 101);

        Assert.Equal(103, _counters.Get(_petition));
    }

    [Fact]
    public void Refresh_StoredAheadOfMemory_Raises()
    {
        _counters.Get(_petition, 100);

        _counters.Refresh(_petition, 180);

        Assert.Equal(180, _counters.Get(_petition));
    }

    [Fact]
    public void Refresh_UnknownPetition_Seeds()
    {
        _counters.Refresh(_petition, 42);

        Assert.Equal(42, _counters.Get(_petition));
    }

    [Fact]
    public async Task Add_ConcurrentFromManyTasks_SumsExactly()
    {
        const int tasks = 8;
        const int adds = 10_000;
        _counters.Get(_petition, 7);
        var token = TestContext.Current.CancellationToken;

        await Task.WhenAll(Enumerable.Range(0, tasks).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < adds; i++)
            {
                _counters.Add(_petition, 1);
            }
        }, token)));

        Assert.Equal(7 + tasks * adds, _counters.Get(_petition));
    }

    [Fact]
    public void Add_ConcurrentWithRefresh_SumsExactly()
    {
        _counters.Get(_petition, 0);

        Parallel.For(0, 80_000, i =>
        {
            _counters.Add(_petition, 1);
            if (i % 1_000 == 0)
            {
                _counters.Refresh(_petition, 0);
            }
        });

        Assert.Equal(80_000, _counters.Get(_petition));
    }

    [Fact]
    public void Commit_StoredCount_RaisesChangedAndCommitted()
    {
        var changed = new List<int>();
        var committed = new List<int>();
        _counters.Changed += (id, count) => changed.Add(count);
        _counters.Committed += (id, count) => committed.Add(count);

        _counters.Commit(_petition, 7);

        Assert.Equal([7], changed);
        Assert.Equal([7], committed);
        Assert.Equal(7, _counters.Get(_petition));
    }

    [Fact]
    public void Refresh_BehindKnown_RaisesNothing()
    {
        _counters.Get(_petition, 10);
        var changed = new List<int>();
        _counters.Changed += (id, count) => changed.Add(count);

        _counters.Refresh(_petition, 8);
        _counters.Refresh(_petition, 10);
        _counters.Refresh(_petition, 12);

        Assert.Equal([12], changed);
    }
}
