using ConversationBot.Notifications.Products.Unsubscribes;

namespace ConversationBot.Bot.Tests.Notifications.Products;

/// <summary>An unsubscribe is tried until Meta takes it (Notifications/Products/Unsubscribes/MetaUnsubscribe.cs): waits doubling to an hour, a stated wait honoured, the identifier dropped once done.</summary>
public sealed class MetaUnsubscribeTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Failures_wait_30_seconds_doubling_up_to_an_hour_and_never_give_up()
    {
        var unsubscribe = MetaUnsubscribe.Of("id", MetaUnsubscribeIdentifier.SubscriberToken, "token", "stopped", At);
        Assert.True(unsubscribe.IsDueAt(At));
        var waits = new List<TimeSpan>();
        var now = At;
        for (var i = 0; i < 12; i++)
        {
            unsubscribe = unsubscribe.Failed(now, "no answer");
            waits.Add(unsubscribe.NextAttemptAt - now);
            Assert.False(unsubscribe.IsDueAt(unsubscribe.NextAttemptAt.AddTicks(-1)));
            now = unsubscribe.NextAttemptAt;
        }

        Assert.Equal([30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600, 3600], waits.Select(w => (int)w.TotalSeconds));
        Assert.True(unsubscribe.IsDueAt(now));
        Assert.Equal(("token", 12), (unsubscribe.Value, unsubscribe.Attempts));
    }

    [Fact]
    public void A_stated_wait_is_honoured_up_to_an_hour()
    {
        var unsubscribe = MetaUnsubscribe.Of("id", MetaUnsubscribeIdentifier.Psid, "psid", "erased", At);
        Assert.Equal(At.AddMinutes(10), unsubscribe.Failed(At, "rate limited", TimeSpan.FromMinutes(10)).NextAttemptAt);
        Assert.Equal(At.AddHours(1), unsubscribe.Failed(At, "rate limited", TimeSpan.FromDays(1)).NextAttemptAt);
    }

    [Fact]
    public void Once_Meta_answered_it_is_done_and_keeps_nothing_that_names_the_person()
    {
        var unsubscribe = MetaUnsubscribe.Of("id", MetaUnsubscribeIdentifier.SubscriberToken, "token", "stopped", At).Failed(At, "no answer");

        var done = unsubscribe.Answered(At.AddMinutes(1), invalidRows: 0);
        var unknown = unsubscribe.Answered(At.AddMinutes(1), invalidRows: 1);

        Assert.Equal((true, (string?)null, "unsubscribed", false), (done.IsDone, done.Value, done.Outcome, done.IsDueAt(At.AddDays(1))));
        Assert.Equal("Meta counted the row as invalid (it knows no such subscriber)", unknown.Outcome);
    }
}
