namespace Relais.Web.Imports;

/// <summary>Wakes the import job as soon as an organizer queues an import, instead of at its next poll.</summary>
public sealed class ImportSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Poke()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await _signal.WaitAsync(timeout, ct);
}
