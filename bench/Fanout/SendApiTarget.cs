namespace ConversationBot.Bench.Fanout;

/// <summary>The fake Send API as a target (bench/Cost links <see cref="FakeGraphApi"/> alone, so the interface is kept out of it).</summary>
internal sealed class SendApiTarget(FakeGraphApi graph) : IDeliveryTarget
{
    public Uri BaseUrl => graph.BaseUrl;

    public string? RawCampaignId => null;

    public long Requests => graph.Requests;

    public IReadOnlyDictionary<string, int> PerToken => graph.PerToken;

    public static async Task<SendApiTarget> StartAsync() => new(await FakeGraphApi.StartAsync());

    public Task ResetAsync()
    {
        graph.Reset();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => graph.DisposeAsync();
}
