using ConversationBot.Notifications.Subscriptions;
using Microsoft.Data.Sqlite;

namespace ConversationBot.Bot.Storage.Sqlite;

public sealed partial class SqliteSubscriptionStore
{
    /// <summary>
    /// The insert (version 0: new) and the versioned update of a subscription within one write,
    /// each created on first use and reused for every later row, with its parameters set by position:
    /// SQLite prepares each statement once per batch instead of once per row.
    /// </summary>
    private sealed class SaveCommands(SqliteWrite write) : IAsyncDisposable
    {
        private static readonly string[] Parameters =
        [
            "$id", "$topic", "$title", "$channel", "$customer", "$token", "$reference", "$frequency", "$timeZone", "$profile",
            "$optedIn", "$expires", "$status", "$statusChanged", "$retirement", "$lastSent", "$nextEligible", "$origin", "$lastEvent", "$version",
            "$language", "$history", "$regionRefusedBy", "$regionRefusedAt", "$sendClaims",
        ];

        private const string Insert = $"""
            INSERT INTO notification_subscriptions ({Columns})
            VALUES ($id, $topic, $title, $channel, $customer, $token, $reference, $frequency, $timeZone, $profile,
                    $optedIn, $expires, $status, $statusChanged, $retirement, $lastSent, $nextEligible, $origin, $lastEvent, 1, $language, $history, $regionRefusedBy, $regionRefusedAt, $sendClaims)
            ON CONFLICT (id) DO NOTHING
            """;

        private const string Update = """
            UPDATE notification_subscriptions SET
                topic_id = $topic, title = $title, channel_id = $channel, customer_id = $customer, token = $token,
                conversation_reference = $reference, frequency = $frequency, time_zone_id = $timeZone, profile_name = $profile,
                opted_in_at = $optedIn, expires_at = $expires, status = $status, status_changed_at = $statusChanged,
                retirement_reason = $retirement, last_sent_at = $lastSent, next_eligible_at = $nextEligible, origin = $origin,
                last_event_at = $lastEvent, version = version + 1, language = $language, history = $history,
                region_refused_by = $regionRefusedBy, region_refused_at = $regionRefusedAt, send_claims = $sendClaims
            WHERE id = $id AND version = $version
            """;

        private SqliteCommand? _insert;
        private SqliteCommand? _update;

        /// <summary>Inserts a new subscription or updates the loaded version; false when the row changed or exists (the conflict).</summary>
        public async Task<bool> SaveAsync(SubscriptionSnapshot s, CancellationToken cancellationToken)
        {
            var command = s.Version == 0 ? _insert ??= Create(Insert) : _update ??= Create(Update);
            var p = command.Parameters;
            p[0].Value = s.Id;
            p[1].Value = s.TopicId;
            p[2].Value = SqliteValues.Text(s.Title);
            p[3].Value = s.ChannelId;
            p[4].Value = s.CustomerId;
            p[5].Value = SqliteValues.Text(s.Token);
            p[6].Value = SqliteValues.Text(s.ConversationReference);
            p[7].Value = SqliteValues.Text(s.Frequency?.ToString());
            p[8].Value = SqliteValues.Text(s.TimeZoneId);
            p[9].Value = s.ProfileName;
            p[10].Value = SqliteValues.Time(s.OptedInAt);
            p[11].Value = SqliteValues.Time(s.ExpiresAt);
            p[12].Value = s.Status.ToString();
            p[13].Value = SqliteValues.Time(s.StatusChangedAt);
            p[14].Value = SqliteValues.Text(s.RetirementReason);
            p[15].Value = SqliteValues.Time(s.LastSentAt);
            p[16].Value = SqliteValues.Time(s.NextEligibleAt);
            p[17].Value = s.Origin.ToString();
            p[18].Value = SqliteValues.Time(s.LastEventAt);
            p[19].Value = s.Version;
            p[20].Value = SqliteValues.Text(s.Language);
            p[21].Value = SqliteJsonList.Write(s.History);
            p[22].Value = SqliteValues.Text(s.RegionRefusedBy?.ToString());
            p[23].Value = SqliteValues.Time(s.RegionRefusedAt);
            p[24].Value = SqliteJsonList.Write(s.SendClaims);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }

        public async ValueTask DisposeAsync()
        {
            if (_insert is not null)
            {
                await _insert.DisposeAsync().ConfigureAwait(false);
            }

            if (_update is not null)
            {
                await _update.DisposeAsync().ConfigureAwait(false);
            }
        }

        private SqliteCommand Create(string sql)
        {
            // The insert names no $version; a statement ignores the parameters it does not name.
            var command = write.CreateCommand(sql);
            foreach (var name in Parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }

            return command;
        }
    }
}
