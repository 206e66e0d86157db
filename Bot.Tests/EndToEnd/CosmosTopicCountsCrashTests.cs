using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Storage.Cosmos;
using ConversationBot.Notifications.Activity;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>
/// What the console's topic counts lose when an instance dies (Bot/Storage/Cosmos/BufferedTopicActivityStore.cs):
/// the counts it gathered since its last flush, nothing else and nothing twice; an instance that stops in an
/// orderly way writes them first. Measured at the store, from another instance, as the console reads them.
/// An instance dies here by being cut off from the store (<see cref="CosmosStoreCut"/>): it writes nothing more,
/// which to the store is a dead instance.
/// </summary>
[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosTopicCountsCrashTests(CosmosTestServer server) : EmulatorTest
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly string _database = "counts" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task An_instance_that_dies_loses_only_the_counts_of_its_last_interval_and_one_that_stops_loses_none()
    {
        var day = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        await using var first = Start(out var firstCut);
        await OfferAsync(first);
        _clock.Advance(new CosmosOptions().TopicCountsFlushInterval);
        await Eventually.TrueAsync(async () => await OfferedAsync(first, day) == 1);

        // Two offers after the flush, which the instance's own console shows; then it dies before its next flush.
        await OfferAsync(first);
        await OfferAsync(first);
        var shownByTheDying = (await first.Services.GetRequiredService<ITopicActivityStore>().ReadAsync(day, day, CancellationToken.None))
            .Single(d => d.TopicId == "order-updates").Counts.Offered;
        firstCut.Cut();
        await first.DisposeAsync();

        await using var second = Start(out _);
        Assert.Equal(3, shownByTheDying);
        Assert.Equal(1, await OfferedAsync(second, day));

        // The second instance offers twice and stops in an orderly way before its flush is due.
        await OfferAsync(second);
        await OfferAsync(second);
        await second.DisposeAsync();

        await using var third = Start(out _);
        Assert.Equal(3, await OfferedAsync(third, day));
    }

    /// <summary>A new customer gets to the order's answer, which offers order updates.</summary>
    private async Task OfferAsync(BotHost bot)
    {
        var customer = new EmulatorClient(bot, Channel);
        await customer.SayAndReadAsync("hi");
        await customer.SayAndReadAsync("order status");
        var answer = await customer.SayAndReadAsync("10045");

        Assert.Contains(answer, r => r.Attachments is { Count: > 0 });
    }

    /// <summary>The offers of order updates stored for the day, read as another instance's console would.</summary>
    private static async Task<long> OfferedAsync(BotHost bot, DateOnly day)
    {
        var stored = new CosmosTopicActivityStore(bot.Services.GetRequiredService<CosmosDatabase>());
        var days = await stored.ReadAsync(day, day, CancellationToken.None);
        return days.SingleOrDefault(d => d.TopicId == "order-updates")?.Counts.Offered ?? 0;
    }

    private BotHost Start(out CosmosStoreCut cut)
    {
        var storeCut = new CosmosStoreCut();
        cut = storeCut;
        return BotHost.Start(Database.FilePath, server.Settings(_database), services =>
        {
            services.Configure<CosmosClientOptions>(options =>
            {
                CosmosTestServer.UseWorkarounds(options);
                options.CustomHandlers.Add(storeCut);
            });
            services.AddSingleton<TimeProvider>(_clock);
        });
    }
}
