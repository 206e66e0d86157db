using ConversationBot.Bot.Tests.Support;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Notifications.Subscriptions;

public class SubscriptionTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 6, 10, 0, 0, TimeSpan.Zero);

    private static Subscription New(DateTimeOffset? expiresAt = null) =>
        Subscription.OptInOnMessenger("weekly-deals", "Weekly deals from our shop", "psid", "token-1", "Europe/Zurich", Frequency.Weekly, expiresAt, "Launch2022", SubscriptionOrigin.RequestedByUs, At);

    [Fact]
    public void A_Messenger_opt_in_needs_a_token_and_another_channel_needs_a_conversation_reference()
    {
        Assert.Throws<ArgumentException>(() => Subscription.OptInOnMessenger("t", null, "psid", " ", null, null, null, "Current", SubscriptionOrigin.RequestedByUs, At));
        Assert.Throws<ArgumentException>(() => Subscription.OptInWithConversationReference("t", null, "webchat", "u", "", null, null, "Current", At));
        Assert.Throws<ArgumentException>(() => Subscription.OptInWithConversationReference("t", null, ChannelIds.Messenger, "u", "ref", null, null, "Current", At));
    }

    [Fact]
    public void Stop_and_resume_flip_the_status_and_an_older_stop_does_not_override_a_newer_resume()
    {
        var subscription = New();
        Assert.True(subscription.Stop(At.AddHours(1)));
        Assert.True(subscription.Resume(At.AddHours(3)));
        Assert.False(subscription.Stop(At.AddHours(2)));
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
    }

    [Fact]
    public void A_withdrawn_send_gives_the_period_back_even_after_a_store_rounded_it_to_the_millisecond()
    {
        var subscription = New();
        var earlier = At.AddDays(-8);
        subscription.RecordSent(earlier);
        var reservedAt = At.AddTicks(4321);
        subscription.RecordSent(reservedAt);
        var stored = Subscription.Restore(subscription.ToSnapshot() with { LastSentAt = DateTimeOffset.FromUnixTimeMilliseconds(reservedAt.ToUnixTimeMilliseconds()) });

        Assert.True(stored.WithdrawSend("c1", reservedAt, earlier));
        Assert.Equal(earlier, stored.LastSentAt);
    }

    [Fact]
    public void Withdrawing_does_nothing_when_a_later_send_was_recorded_since()
    {
        var subscription = New();
        subscription.RecordSent(At);
        subscription.RecordSent(At.AddSeconds(5));

        Assert.False(subscription.WithdrawSend("c1", At, null));
        Assert.Equal(At.AddSeconds(5), subscription.LastSentAt);
    }

    [Fact]
    public void A_campaign_claims_a_send_once_and_the_claim_reserves_the_period()
    {
        var subscription = New();

        Assert.True(subscription.ClaimSend("c1", "instance-a", At));
        Assert.False(subscription.ClaimSend("c1", "instance-b", At.AddSeconds(1)));

        Assert.Equal(new SendClaim("c1", "instance-a", At), subscription.SendClaimFor("c1"));
        Assert.Null(subscription.SendClaimFor("c2"));
        Assert.Equal(At, subscription.LastSentAt);
    }

    [Fact]
    public void Withdrawing_a_send_gives_its_claim_back_even_when_a_later_send_keeps_the_period()
    {
        var subscription = New();
        subscription.ClaimSend("c1", "instance-a", At);
        subscription.ClaimSend("c2", "instance-a", At.AddSeconds(5));

        Assert.True(subscription.WithdrawSend("c1", At, null));

        Assert.Null(subscription.SendClaimFor("c1"));
        Assert.NotNull(subscription.SendClaimFor("c2"));
        Assert.Equal(At.AddSeconds(5), subscription.LastSentAt);
        Assert.True(subscription.ClaimSend("c1", "instance-b", At.AddSeconds(6)));
    }

    [Fact]
    public void A_subscription_keeps_the_newest_claims_only_and_they_survive_the_store()
    {
        var subscription = New();
        for (var i = 1; i <= Subscription.MaxSendClaims + 2; i++)
        {
            subscription.ClaimSend($"c{i}", "instance-a", At.AddDays(i));
        }

        var stored = Subscription.Restore(subscription.ToSnapshot());

        Assert.Equal(
            Enumerable.Range(3, Subscription.MaxSendClaims).Select(i => $"c{i}"),
            stored.SendClaims.Select(c => c.CampaignId));
        Assert.Equal(new SendClaim("c6", "instance-a", At.AddDays(6)), stored.SendClaimFor("c6"));
    }

    [Fact]
    public void A_repeated_stop_changes_nothing()
    {
        var subscription = New();
        Assert.True(subscription.Stop(At.AddHours(1)));
        Assert.False(subscription.Stop(At.AddHours(1)));
    }

    [Fact]
    public void Refresh_replaces_token_and_expiry_and_revives_an_expired_subscription()
    {
        var subscription = New(At.AddMonths(9));
        Assert.True(subscription.Expire(At.AddMonths(9)));
        Assert.True(subscription.Refresh("token-2", At.AddMonths(18), At.AddMonths(9).AddDays(1)));
        Assert.Equal(("token-2", At.AddMonths(18), SubscriptionStatus.Active), (subscription.Token, subscription.ExpiresAt, subscription.Status));
        Assert.False(subscription.Refresh("token-2", At.AddMonths(18), At.AddMonths(9).AddDays(1)));
    }

    [Fact]
    public void Expire_does_nothing_before_the_expiry_instant()
    {
        var subscription = New(At.AddMonths(9));
        Assert.False(subscription.Expire(At.AddMonths(9).AddTicks(-1)));
        Assert.True(subscription.Expire(At.AddMonths(9)));
        Assert.Equal(SubscriptionStatus.Expired, subscription.Status);
    }

    [Fact]
    public void A_retired_subscription_cannot_be_resumed_but_a_new_opt_in_renews_it()
    {
        var subscription = New();
        subscription.Stop(At.AddHours(1));
        Assert.True(subscription.Retire(At.AddHours(2), "token invalid"));
        Assert.False(subscription.Resume(At.AddHours(3)));
        Assert.True(subscription.RenewConsent("token-9", null, "Europe/Berlin", null, null, "Current", SubscriptionOrigin.RequestedByUs, At.AddHours(4)));
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
        Assert.Null(subscription.RetirementReason);
    }

    [Fact]
    public void Recorded_sends_only_move_forward()
    {
        var subscription = New();
        subscription.RecordSent(At.AddDays(2));
        subscription.RecordSent(At.AddDays(1));
        Assert.Equal(At.AddDays(2), subscription.LastSentAt);
    }

    [Fact]
    public void A_snapshot_restores_an_equal_subscription()
    {
        var subscription = New(At.AddMonths(9));
        subscription.RecordSent(At.AddDays(1));
        subscription.Reschedule(At.AddDays(8));
        var snapshot = subscription.ToSnapshot();
        SnapshotAssertions.SameSubscription(snapshot, Subscription.Restore(snapshot).ToSnapshot());
    }

    [Fact]
    public void The_entity_has_no_public_setters()
    {
        Assert.DoesNotContain(typeof(Subscription).GetProperties(), p => p.SetMethod?.IsPublic == true);
    }

    [Fact]
    public void Unmatched_unrequested_opt_ins_are_keyed_by_title_so_each_token_keeps_its_own_row()
    {
        Assert.NotEqual(
            Subscription.IdFor(ChannelIds.Messenger, "psid", Topic.UnknownId, "Updates and promotions"),
            Subscription.IdFor(ChannelIds.Messenger, "psid", Topic.UnknownId, "Something else"));
        Assert.Equal(
            Subscription.IdFor(ChannelIds.Messenger, "psid", "weekly-deals", "A"),
            Subscription.IdFor(ChannelIds.Messenger, "psid", "weekly-deals", "B"));
    }
}
