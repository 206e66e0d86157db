using System.Net;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Storage.Sqlite;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// The webhook's 200 means "stored", not "done": Meta is answered while the turns wait for a Send API
/// that does not answer; a POST that could not be stored is the only 503, and its redelivery runs
/// once; and events a host stored but never ran are run by the next host on the same store.
/// </summary>
public sealed class MessengerInboxTests
{
    [Fact]
    public async Task A_POST_is_answered_while_its_turns_wait_for_the_Send_API_and_each_customer_is_answered_once_afterwards()
    {
        await using var bot = await MessengerBot.StartAsync();
        bot.Graph.HoldFrom(1);

        using (var response = await bot.PostWithoutWaitingAsync("batch.json"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Answered, and only now does the first turn reach the Send API, which keeps it waiting.
        await CampaignChecks.WaitUntilAsync(() => bot.Graph.Held == 1);
        bot.Graph.ReleaseHeld();
        await bot.TurnsSettledAsync();
        Assert.Equal(["hi", "order status", "Start"], bot.Bot.Received.Select(a => a.Text));
        // "hi" and "order status" a reply each, Get Started the welcome and the menu.
        Assert.Equal(4, bot.Graph.Messages.Count);
    }

    [Fact]
    public async Task A_POST_that_cannot_be_stored_is_answered_503_runs_nothing_and_its_redelivery_runs_once()
    {
        var store = new SwitchableEventLog();
        await using var bot = await MessengerBot.StartAsync(replaceServices: services =>
            services.AddSingleton<IMessengerEventLog>(provider => store.Around(ActivatorUtilities.CreateInstance<SqliteMessengerEventLog>(provider))));
        store.Down = true;

        using (var refused = await bot.PostSampleAsync("batch.json"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }

        Assert.Empty(bot.Bot.Received);
        store.Down = false;
        using (var redelivered = await bot.PostSampleAsync("batch.json"))
        {
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        }

        Assert.Equal(["hi", "order status", "Start"], bot.Bot.Received.Select(a => a.Text));
    }

    [Fact]
    public async Task Events_a_host_stored_and_never_ran_are_run_in_order_by_the_next_host_on_the_store()
    {
        await using var stopped = await MessengerBot.StartAsync();
        var databasePath = stopped.DatabasePath;

        // Stored as a POST would store them, with no host left to run them.
        var events = MessengerBot.Sample("batch.json");
        var read = ConversationBot.Bot.Messenger.Webhook.WebhookReader.TryRead(System.Text.Encoding.UTF8.GetBytes(events), out _, out var stored, out _);
        Assert.True(read);
        await stopped.Host.Services.GetRequiredService<IMessengerEventLog>().AcceptAsync(
            [.. stored!.Select(e => new AcceptedEvent(e.Key, e.Event!.Sender!.Id!, e.Raw))], CancellationToken.None);

        await using var next = await MessengerBot.StartAsync(
            databasePath: databasePath,
            clockAt: stopped.Clock.GetUtcNow() + new MessengerOptions().TurnLease + TimeSpan.FromSeconds(1));
        await CampaignChecks.WaitUntilAsync(() => next.Bot.Received.Count == 3);
        await next.TurnsSettledAsync();

        Assert.Equal(["hi", "order status", "Start"], next.Bot.Received.Select(a => a.Text));
        Assert.Equal(4, next.Graph.Messages.Count);
        Assert.Empty(await next.Host.Services.GetRequiredService<IMessengerEventLog>().ListUnfinishedAsync(10, CancellationToken.None));
    }

    /// <summary>The host's event log, with a switch that makes storing a POST fail as a store that is down does.</summary>
    private sealed class SwitchableEventLog
    {
        public bool Down { get; set; }

        public IMessengerEventLog Around(IMessengerEventLog inner) => new Log(this, inner);

        private sealed class Log(SwitchableEventLog state, IMessengerEventLog inner) : IMessengerEventLog
        {
            public Task<IReadOnlySet<string>> AcceptAsync(IReadOnlyList<AcceptedEvent> events, CancellationToken cancellationToken) =>
                state.Down ? throw new IOException("the store is down") : inner.AcceptAsync(events, cancellationToken);

            public Task<IReadOnlyList<UnfinishedEvent>> ListUnfinishedAsync(int max, CancellationToken cancellationToken) => inner.ListUnfinishedAsync(max, cancellationToken);

            public Task<MessengerEventTurn> ClaimAsync(string eventKey, CancellationToken cancellationToken) => inner.ClaimAsync(eventKey, cancellationToken);

            public Task RecordSendingAsync(string eventKey, string reply, CancellationToken cancellationToken) => inner.RecordSendingAsync(eventKey, reply, cancellationToken);

            public Task ForgetSendingAsync(string eventKey, string reply, CancellationToken cancellationToken) => inner.ForgetSendingAsync(eventKey, reply, cancellationToken);

            public Task CompleteAsync(string eventKey, CancellationToken cancellationToken) => inner.CompleteAsync(eventKey, cancellationToken);

            public Task ReleaseAsync(string eventKey, CancellationToken cancellationToken) => inner.ReleaseAsync(eventKey, cancellationToken);

            public Task SetAsideAsync(string eventKey, string rawEvent, string reason, CancellationToken cancellationToken) => inner.SetAsideAsync(eventKey, rawEvent, reason, cancellationToken);

            public Task<IReadOnlyList<SetAsideEvent>> ListSetAsideAsync(int max, CancellationToken cancellationToken) => inner.ListSetAsideAsync(max, cancellationToken);
        }
    }
}
