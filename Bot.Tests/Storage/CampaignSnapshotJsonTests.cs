using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Storage;
using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery.Work;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Timing;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>
/// What issue 18 added to stored campaigns and subscriptions survives the JSON both back ends write
/// (SQLite's campaign column, Cosmos DB's documents), and what was stored before it still reads.
/// </summary>
public class CampaignSnapshotJsonTests
{
    private static readonly DateTimeOffset At = new(2027, 3, 27, 10, 0, 0, TimeSpan.Zero);

    private static readonly LocalizedContent TwoLanguages = new("en", new Dictionary<string, CampaignContent>
    {
        ["en"] = new("Deals", new Uri("https://shop.example.com/a.png"), [new CampaignButton("Show me", "offers")]),
        ["de"] = CampaignContent.TextOnly("Angebote"),
    });

    [Fact]
    public void Languages_segment_local_time_and_the_quiet_hours_choice_come_back_as_written()
    {
        var campaign = Campaign.Create(
            "c1", "weekly-deals", TwoLanguages, new CampaignSegment(["de"], ["messenger"], At.AddDays(-30), At), null, null, At,
            localTime: new LocalSendTime(new TimeOnly(9, 0), new DateOnly(2027, 3, 29)), ignoresQuietHours: true);
        var snapshot = campaign.ToSnapshot();

        foreach (var options in new[] { CampaignSnapshotJson.Options, CosmosJson.Options })
        {
            var read = Campaign.Restore(JsonSerializer.Deserialize<CampaignSnapshot>(JsonSerializer.Serialize(snapshot, options), options)!);

            Assert.Equal(("Angebote", "Deals"), (read.ContentFor("de").Text, read.ContentFor("en").Text));
            Assert.Equal("offers", read.ContentFor("en").Buttons[0].Payload);
            Assert.Equal(["de"], read.Segment.Languages!);
            Assert.Equal(["messenger"], read.Segment.Channels!);
            Assert.Equal((At.AddDays(-30), At), (read.Segment.OptedInAfter!.Value, read.Segment.OptedInBefore!.Value));
            Assert.Equal(new LocalSendTime(new TimeOnly(9, 0), new DateOnly(2027, 3, 29)), read.LocalTime);
            Assert.True(read.IgnoresQuietHours);
        }
    }

    [Fact]
    public void A_campaign_stored_before_languages_reads_as_one_message_to_the_whole_topic()
    {
        var json = JsonNode.Parse(CampaignSnapshotJson.Write(Campaign.Create("c1", "weekly-deals", CampaignContent.TextOnly("Deals"), null, null, At).ToSnapshot()))!.AsObject();
        foreach (var member in new[] { "localized", "segment", "localTime", "ignoresQuietHours", "waveFrom", "waveUntil", "waiting", "nextWaveAt", "pass" })
        {
            json.Remove(member);
        }

        var read = Campaign.Restore(CampaignSnapshotJson.Read(json.ToJsonString()));

        Assert.Equal(("Deals", "Deals"), (read.ContentFor("de").Text, read.ContentFor("en").Text));
        Assert.True(read.Segment.IsEveryone);
        Assert.Equal((null, false, null), (read.LocalTime, read.IgnoresQuietHours, read.WaveUntil));
        Assert.Equal(0, read.Pass);
    }

    [Fact]
    public void A_cosmos_subscription_document_without_a_language_reads_with_none_and_one_with_it_keeps_it()
    {
        var subscription = Subscription.OptInWithConversationReference("weekly-deals", null, "emulator", "c1", "{}", "Asia/Kolkata", null, "Current", At, language: "de");
        var json = JsonNode.Parse(JsonSerializer.Serialize(subscription.ToSnapshot(), CosmosJson.Options))!.AsObject();

        Assert.Equal("de", JsonSerializer.Deserialize<SubscriptionSnapshot>(json.ToJsonString(), CosmosJson.Options)!.Language);
        json.Remove("language");
        Assert.Null(Subscription.Restore(JsonSerializer.Deserialize<SubscriptionSnapshot>(json.ToJsonString(), CosmosJson.Options)!).Language);
    }

    [Fact]
    public void A_work_items_pass_and_waiting_come_back_as_written_and_an_item_stored_before_waves_reads_as_the_first_pass()
    {
        var item = CampaignWorkItem.Create("c1", 4, null, pass: 1);
        item.RecordPage(["s1", "s2"], null);
        item.Finish(new DeliveryCounts(1, 0, 0), "instance-a", At, 1, At.AddHours(3));

        foreach (var options in new[] { CampaignSnapshotJson.Options, CosmosJson.Options })
        {
            var read = CampaignWorkItem.Restore(JsonSerializer.Deserialize<CampaignWorkItemSnapshot>(JsonSerializer.Serialize(item.ToSnapshot(), options), options)!);
            Assert.Equal((1, 1L, At.AddHours(3)), (read.Pass, read.Waiting, read.NextDueAt!.Value));
        }

        var old = JsonNode.Parse(CampaignWorkItemJson.Write(item.ToSnapshot()))!.AsObject();
        foreach (var member in new[] { "pass", "waiting", "nextDueAt" })
        {
            old.Remove(member);
        }

        var before = CampaignWorkItem.Restore(CampaignWorkItemJson.Read(old.ToJsonString()));
        Assert.Equal((0, 0L, (DateTimeOffset?)null), (before.Pass, before.Waiting, before.NextDueAt));
    }
}
