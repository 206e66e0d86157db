using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Products.Outcomes;
using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Bot.Tests.Notifications.Products;

/// <summary>
/// A marketing message's status moves only forward (Notifications/Products/Outcomes/MarketingMessageOutcome.cs):
/// every order of the same webhooks, each sent once or twice, ends at the same status; a failure replaces only
/// accepted or sent. And the report per product built from it.
/// </summary>
public sealed class MarketingMessageOutcomeTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<MarketingMessageStatus[], MarketingMessageStatus> Histories => new()
    {
        { [MarketingMessageStatus.Accepted, MarketingMessageStatus.Sent, MarketingMessageStatus.Delivered, MarketingMessageStatus.Read], MarketingMessageStatus.Read },
        { [MarketingMessageStatus.Accepted, MarketingMessageStatus.Sent, MarketingMessageStatus.Failed], MarketingMessageStatus.Failed },
        { [MarketingMessageStatus.Sent, MarketingMessageStatus.Delivered, MarketingMessageStatus.Failed], MarketingMessageStatus.Delivered },
        { [MarketingMessageStatus.Accepted, MarketingMessageStatus.Delivered, MarketingMessageStatus.Read, MarketingMessageStatus.Clicked], MarketingMessageStatus.Clicked },
        { [MarketingMessageStatus.Sent, MarketingMessageStatus.Clicked], MarketingMessageStatus.Clicked },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void Every_order_of_the_webhooks_each_once_or_twice_ends_at_the_same_status(MarketingMessageStatus[] history, MarketingMessageStatus final)
    {
        foreach (var order in Permutations(history))
        {
            foreach (var twice in new[] { false, true })
            {
                var reports = twice ? order.SelectMany(s => new[] { s, s }).ToList() : order;
                MarketingMessageOutcome? outcome = null;
                var second = 0;
                foreach (var status in reports)
                {
                    var report = new MarketingMessageOutcome("meta", "key", status, At.AddSeconds(second++), status == MarketingMessageStatus.Accepted ? "tr" : null);
                    outcome = outcome is null ? MarketingMessageOutcome.First(report).Outcome : outcome.Merge(report).Outcome;
                }

                Assert.Equal(final, outcome!.Status);
            }
        }
    }

    [Fact]
    public void A_repeat_changes_nothing_and_an_older_report_is_behind_with_its_reason()
    {
        var read = MarketingMessageOutcome.First(new("meta", "key", MarketingMessageStatus.Read, At, "tr")).Outcome;

        var repeat = read.Merge(new("meta", "key", MarketingMessageStatus.Read, At.AddSeconds(5)));
        var late = read.Merge(new("meta", "key", MarketingMessageStatus.Delivered, At.AddSeconds(-5)));

        Assert.Equal((false, MarketingMessageOutcomeReason.Repeated, At), (repeat.Changed, repeat.Reason, repeat.Outcome.At));
        Assert.Equal((false, MarketingMessageOutcomeReason.BehindCurrent), (late.Changed, late.Reason));
        Assert.Equal(read, late.Outcome);
    }

    [Fact]
    public void A_report_of_another_message_is_refused()
    {
        var outcome = new MarketingMessageOutcome("meta", "key", MarketingMessageStatus.Sent, At);
        Assert.Throws<ArgumentException>(() => outcome.Merge(outcome with { TokenKey = "other" }));
    }

    [Fact]
    public void The_report_lists_each_product_used_with_Marketing_Messages_outcomes_and_no_invented_figures_elsewhere()
    {
        var byProduct = new[]
        {
            new ProductDeliveryCounts(MessengerProduct.RecurringNotifications, new DeliveryCounts(400, 3, 2)),
            new ProductDeliveryCounts(MessengerProduct.MarketingMessages, new DeliveryCounts(600, 1, 4)),
        };
        var outcomes = new MarketingMessageOutcomeCounts(600, 598, 580, 300, 90, 20);

        var report = CampaignProductReport.Of(byProduct, outcomes);

        Assert.Equal(
            [
                new ProductFigures(MessengerProduct.RecurringNotifications, 400, null, null, null, 2, 3),
                new ProductFigures(MessengerProduct.MarketingMessages, 600, 580, 300, 90, 24, 1),
            ],
            report);
        Assert.Empty(CampaignProductReport.Of([], MarketingMessageOutcomeCounts.None));
    }

    private static IEnumerable<List<T>> Permutations<T>(IReadOnlyList<T> items)
    {
        if (items.Count <= 1)
        {
            yield return [.. items];
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
