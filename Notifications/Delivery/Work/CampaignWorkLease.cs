namespace ConversationBot.Notifications.Delivery.Work;

/// <summary>
/// This instance's hold on one work item while it works it: renewed every third of the lease in the
/// background, whatever the page is doing (a retry may wait longer than the lease), so the lease can be
/// short and a dead instance's item is free again soon. Every change to the item goes through here, one
/// at a time, each an optimistic save. When a renewal or a save fails (another instance took the item,
/// the lease ran out while the store was unreachable) or the campaign no longer wants work (cancelled,
/// put off), <see cref="Lost"/> fires: the page's sends in flight finish and nothing new starts.
/// </summary>
public sealed class CampaignWorkLease : IAsyncDisposable
{
    private readonly ICampaignWorkStore _store;
    private readonly string _owner;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _clock;
    private readonly Func<CancellationToken, Task<bool>> _stillWanted;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private CampaignWorkItem _item;
    private Task _heartbeat = Task.CompletedTask;

    private CampaignWorkLease(ICampaignWorkStore store, CampaignWorkItem item, string owner, TimeSpan duration, TimeProvider clock, Func<CancellationToken, Task<bool>> stillWanted)
    {
        _store = store;
        _item = item;
        _owner = owner;
        _duration = duration;
        _clock = clock;
        _stillWanted = stillWanted;
    }

    /// <summary>Fires when the item is no longer this instance's to work.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>The item as last saved by this lease.</summary>
    public CampaignWorkItem Item => _item;

    /// <summary>
    /// Claims <paramref name="item"/> (as read) for <paramref name="owner"/>; <c>null</c> when it is not
    /// free or another instance saved it first. <paramref name="stillWanted"/> is asked at each renewal.
    /// </summary>
    public static async Task<CampaignWorkLease?> TryTakeAsync(
        ICampaignWorkStore store, CampaignWorkItem item, string owner, TimeSpan duration, TimeProvider clock, Func<CancellationToken, Task<bool>> stillWanted)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(clock);
        var lease = new CampaignWorkLease(store, item, owner, duration, clock, stillWanted);
        if (!await lease.TryChangeAsync(i => i.TryClaim(owner, clock.GetUtcNow(), duration), CancellationToken.None).ConfigureAwait(false))
        {
            await lease.DisposeAsync().ConfigureAwait(false);
            return null;
        }

        lease._heartbeat = Task.Run(lease.BeatAsync);
        return lease;
    }

    /// <summary>Applies <paramref name="change"/> to a copy and saves it; false (and <see cref="Lost"/>) when the save conflicts or the lease is no longer ours.</summary>
    public async Task<bool> TryChangeAsync(Func<CampaignWorkItem, bool> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lost.IsCancellationRequested)
            {
                return false;
            }

            var copy = CampaignWorkItem.Restore(_item.ToSnapshot());
            if (!change(copy) || !await _store.TrySaveAsync(copy, cancellationToken).ConfigureAwait(false))
            {
                await _lost.CancelAsync().ConfigureAwait(false);
                return false;
            }

            _item = CampaignWorkItem.Restore(copy.ToSnapshot() with { Version = copy.Version + 1 });
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task BeatAsync()
    {
        while (!_stop.IsCancellationRequested && !_lost.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_duration / 3, _clock, _stop.Token).ConfigureAwait(false);
                if (!await _stillWanted(_stop.Token).ConfigureAwait(false))
                {
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }

                // A renewal that cannot reach the store is tried again at the next beat; if the lease runs
                // out meanwhile, TryClaim only succeeds when nobody else saved the item since.
                await TryChangeAsync(i => i.TryClaim(_owner, _clock.GetUtcNow(), _duration), _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
#pragma warning disable CA1031 // A store outage must not end the heartbeat: the next beat tries again.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    /// <summary>Stops renewing; the item keeps whatever the last save left (done, released, or leased until it runs out).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _heartbeat.ConfigureAwait(false);
        _stop.Dispose();
        _lost.Dispose();
        _gate.Dispose();
    }
}
