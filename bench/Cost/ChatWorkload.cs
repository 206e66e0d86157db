using System.Text.Json.Nodes;
using ConversationBot.Bot.Storage.Cosmos;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bench.Cost;

/// <summary>
/// Customers talking to the host over HTTP as the Emulator does, one turn at a time so each turn's
/// operations are its own: each customer opens the chat and does the short dialog (a turn 5 s after
/// the last); a sample of them comes back two minutes later and opens "my notifications" 5 s after
/// that; as many new customers accept an opt-in. The host's timers are left out of every turn (they
/// are the idle cost, measured apart).
/// </summary>
internal static class ChatWorkload
{
    public static readonly string[] Dialog = ["hi", "order status", "10045", "2", "hours"];

    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    /// <summary>
    /// What the host's timers read, never an Emulator turn: the delivery poller's query of due campaigns
    /// (Bot/Delivery/DeliveryWorker.cs) and the Messenger inbox sweep's query of unfinished events
    /// (Bot/Messenger/Turns/MessengerInboxSweep.cs). They run whenever the bench moves the clock, so they
    /// are left out of the turns and measured as the idle cost.
    /// </summary>
    private static readonly HashSet<string> BackgroundContainers = new(StringComparer.Ordinal) { CosmosContainers.Campaigns.Name, CosmosContainers.Events.Name };

    public static async Task<ChatCosts> RunAsync(CostHost host, ReplyChannel channel, CostSettings settings, bool everyUnit, CancellationToken cancellationToken)
    {
        var costs = new ChatCosts();
        var customers = new List<EmulatorCustomer>();

        // The host's first passes of its timers (each runs once at start-up) are over before the first turn is measured.
        await host.WaitForQuietAsync(TimeSpan.FromMilliseconds(500), cancellationToken);
        for (var c = 0; c < settings.Customers; c++)
        {
            var customer = new EmulatorCustomer(host.Client, channel, host.Clock);
            customers.Add(customer);
            var opened = await TurnAsync(host, costs, customer, Pause, () => customer.OpenAsync(cancellationToken));
            costs.Opened.Add(opened);
            Trace(settings, c == 0, "conversationUpdate", opened);
            for (var t = 0; t < settings.TurnsPerCustomer; t++)
            {
                // Past the dialog's end it goes round the menu again (not "hi": that would be a greeting again).
                var text = t < Dialog.Length ? Dialog[t] : Dialog[1 + ((t - 1) % (Dialog.Length - 1))];
                var unit = t == 0 ? costs.NewConversation : costs.Steady;
                var operations = await TurnAsync(host, costs, customer, Pause, () => customer.SayAsync(text, cancellationToken));
                unit.Add(operations);
                Trace(settings, c == 0, $"\"{text}\"", operations);
                if (c == 0 && t == Math.Min(Dialog.Length, settings.TurnsPerCustomer) - 1)
                {
                    costs.StateBytes = await StateBytesAsync(host, customer, cancellationToken);
                    costs.StateAfterTurns = t + 1;
                }
            }
        }

        foreach (var customer in customers.Take(settings.Sampled))
        {
            var operations = await TurnAsync(host, costs, customer, TimeSpan.FromMinutes(2), () => customer.SayAsync("hours", cancellationToken));
            costs.Visit.Add(operations);
            Trace(settings, costs.Visit.Samples == 1, "\"hours\" two minutes later", operations);
            if (everyUnit)
            {
                // Right after: each customer's clock has moved on by minutes since the dialog, and a
                // turn that stamps the window again would count the visit's cost twice.
                operations = await TurnAsync(host, costs, customer, Pause, () => customer.SayAsync("my notifications", cancellationToken));
                costs.MyNotifications.Add(operations);
                Trace(settings, costs.MyNotifications.Samples == 1, "\"my notifications\"", operations);
            }
        }

        if (!everyUnit)
        {
            await LastFlushAsync(host, costs);
            return costs;
        }

        for (var c = 0; c < settings.Sampled; c++)
        {
            // A new customer asks for an order: the answer offers order updates on a card.
            var customer = new EmulatorCustomer(host.Client, channel, host.Clock);
            host.Clock.Advance(Pause);
            await customer.SayAsync("where is my order 10045?", cancellationToken);
            var operations = await TurnAsync(host, costs, customer, Pause, () => customer.SubmitAsync(new JsonObject { ["optIn"] = "allow", ["topic"] = "order-updates" }, cancellationToken));
            costs.OptIn.Add(operations);
            Trace(settings, c == 0, "Allow", operations);
            if (!customer.Replies.Any(r => r.StartsWith("Done!", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"The opt-in was not accepted: \"{string.Join("\" / \"", customer.Replies)}\"");
            }
        }

        await LastFlushAsync(host, costs);
        return costs;
    }

    /// <summary>The counts of the last turns are written an interval later: measured here, so that the idle hours after find nothing of them.</summary>
    private static async Task LastFlushAsync(CostHost host, ChatCosts costs)
    {
        host.Clock.Advance(ReferenceWorkload.FlushInterval);
        await host.WaitForQuietAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        TakeFlushes(host, costs, host.Meter.Count);
    }

    /// <summary>
    /// The writes to <c>pages</c> since the last turn ended, up to <paramref name="end"/>: the flush of the console's
    /// topic counts (no other timer writes while customers only chat), a unit of its own.
    /// </summary>
    private static void TakeFlushes(CostHost host, ChatCosts costs, int end)
    {
        var flushed = host.Meter.Since(costs.Unattributed).Take(end - costs.Unattributed).Where(o => o.Container == CosmosContainers.Pages.Name && o.IsWrite).ToList();
        if (flushed.Count > 0)
        {
            costs.CountsFlushed.Add(flushed);
        }

        costs.Unattributed = end;
    }

    /// <summary>One turn after <paramref name="after"/> on the host's clock: its operations, the timers' left out; it must have been answered.</summary>
    private static async Task<IReadOnlyList<MeteredOperation>> TurnAsync(CostHost host, ChatCosts costs, EmulatorCustomer customer, TimeSpan after, Func<Task> turn)
    {
        host.Clock.Advance(after);

        // The timers the move set off finish first. Some read where turns read (Bot/Desk/UnansweredHandoffNotices.cs
        // reads the open hand-offs in customers every 30 s), so they cannot be told apart by container. The
        // writes among them are the flush of the console's topic counts, measured apart.
        await host.WaitForQuietAsync(TimeSpan.FromMilliseconds(25), CancellationToken.None);
        var start = host.Meter.Count;
        TakeFlushes(host, costs, start);
        var replies = customer.Replies.Count;
        await turn();
        costs.Unattributed = host.Meter.Count;
        var operations = host.Meter.Since(start).Where(o => !BackgroundContainers.Contains(o.Container)).ToList();
        if (customer.Replies.Count == replies)
        {
            throw new InvalidOperationException($"A turn of {customer.ConversationId} got no reply.");
        }

        return operations;
    }

    /// <summary>With --verbose, the first sample of each unit operation by operation.</summary>
    private static void Trace(CostSettings settings, bool first, string turn, IReadOnlyList<MeteredOperation> operations)
    {
        if (settings.Verbose && first)
        {
            Console.WriteLine($"  {turn}:{string.Concat(operations.Select(o => $"\n    {o}"))}");
        }
    }

    /// <summary>The conversation's state document as the service returns it (ConversationState's key: {channel}/conversations/{id}).</summary>
    private static async Task<long> StateBytesAsync(CostHost host, EmulatorCustomer customer, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey($"emulator/conversations/{customer.ConversationId}");
        foreach (var container in new[] { host.Cosmos.State, host.Cosmos.Database.GetContainer(StockPartitionedStorage.ContainerName) })
        {
            using var read = await container.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken);
            if (read.IsSuccessStatusCode)
            {
                using var buffer = new MemoryStream();
                await read.Content.CopyToAsync(buffer, cancellationToken);
                return buffer.Length;
            }
        }

        throw new InvalidOperationException($"No state document {id} after the dialog.");
    }
}
