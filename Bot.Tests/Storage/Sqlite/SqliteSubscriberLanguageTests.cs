using ConversationBot.Bot.Storage.Sqlite;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Data.Sqlite;

namespace ConversationBot.Bot.Tests.Storage.Sqlite;

/// <summary>The subscriber's language in the SQLite file (issue 18): stored, and the fallback for rows written before it existed.</summary>
public sealed class SqliteSubscriberLanguageTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 30, 15, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly SqliteTestDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task A_subscription_stored_before_languages_were_recorded_gets_the_fallback_language_on_upgrade()
    {
        var before = _file.Open(migrations: SqliteTestDatabase.Migrations.Where(m => m.Version != 30));
        await using (var write = await before.BeginWriteAsync(None))
        {
            // As the version before wrote it: every column but the language.
            await using var insert = write.CreateCommand("""
                INSERT INTO notification_subscriptions (id, topic_id, title, channel_id, customer_id, token, conversation_reference, frequency, time_zone_id,
                    profile_name, opted_in_at, status, origin, last_event_at, version)
                VALUES ('messenger|c1|weekly-deals', 'weekly-deals', NULL, 'messenger', 'c1', 'token-1', NULL, NULL, 'Europe/Zurich', 'Current', $at, 'Active', 'RequestedByUs', $at, 1)
                """);
            insert.Parameters.AddWithValue("$at", At.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(None);
            await write.CommitAsync(None);
        }

        before.Dispose();
        SqliteConnection.ClearAllPools();

        var after = _file.Open(migrations: [.. SqliteTestDatabase.Migrations.Where(m => m.Version != 30), SqliteSubscriptionStore.LanguageColumn("de")]);
        var upgraded = await new SqliteSubscriptionStore(after).FindByTokenAsync("token-1", None);

        Assert.Equal(("de", "Europe/Zurich"), (upgraded!.Language, upgraded.TimeZoneId));
    }

    [Fact]
    public async Task The_language_given_at_opt_in_is_stored_and_kept_when_a_renewal_names_none()
    {
        var store = new SqliteSubscriptionStore(_file.Open());
        var subscription = Subscription.OptInWithConversationReference("weekly-deals", null, "emulator", "c1", "{}", "America/New_York", null, "Current", At, language: "de");
        await store.TrySaveAsync(subscription, None);
        var stored = await store.FindAsync(subscription.Id, None);
        Assert.Equal("de", stored!.Language);

        stored.Stop(At.AddDays(1));
        stored.RenewConsent(null, "{\"renewed\":true}", null, null, null, "Current", SubscriptionOrigin.RequestedByUs, At.AddDays(2));
        await store.TrySaveAsync(stored, None);

        Assert.Equal("de", (await store.FindAsync(subscription.Id, None))!.Language);
    }
}
