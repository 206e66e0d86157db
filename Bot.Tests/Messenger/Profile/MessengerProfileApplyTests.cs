using System.Text.Json.Nodes;
using ConversationBot.Bot.Messenger.Profile;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger.Profile;

/// <summary>
/// The shipped Page profile applied through the admin API and the command against a fake Graph API
/// that keeps the profile as Meta does and counts every call: read, compare, write only what changed;
/// a second apply writes nothing; another tool's profile (old ice-breaker format) is read and replaced;
/// a refusal is told in words with what was done.
/// </summary>
public sealed class MessengerProfileApplyTests
{
    [Fact]
    public async Task The_first_apply_writes_once_and_the_second_writes_nothing()
    {
        await using var bot = await MessengerBot.StartAsync(settings: AdminClient.Settings());
        var admin = new AdminClient(bot.Host);

        var (dryStatus, dryRun) = await admin.SendAsync(HttpMethod.Get, "/api/admin/messenger/profile");
        Assert.Equal(200, dryStatus);
        Assert.Equal(["get_started", "greeting", "ice_breakers", "persistent_menu"], Strings(dryRun!["changed"]));
        Assert.Equal(0, bot.Graph.Profile.Writes);

        var (status, first) = await admin.SendAsync(HttpMethod.Post, "/api/admin/messenger/profile/apply");
        Assert.Equal(200, status);
        Assert.Equal((1, true), (first!["writes"]!.GetValue<int>(), first["applied"]!.GetValue<bool>()));
        var page = bot.Graph.Profile.Properties;
        Assert.Equal("get_started", page["get_started"]!["payload"]!.GetValue<string>());
        Assert.Equal(
            ["dialog_order-status", "dialog_returns", "dialog_notifications", "dialog_handoff", null],
            page["persistent_menu"]!.AsArray().Single(l => l!["locale"]!.GetValue<string>() == "de_DE")!["call_to_actions"]!.AsArray().Select(i => i!["payload"]?.GetValue<string>()));

        var (_, second) = await admin.SendAsync(HttpMethod.Post, "/api/admin/messenger/profile/apply");
        Assert.Equal(0, second!["writes"]!.GetValue<int>());
        Assert.Equal(["get_started", "greeting", "ice_breakers", "persistent_menu"], Strings(second["unchanged"]));
        Assert.Equal(1, bot.Graph.Profile.Writes);
    }

    [Fact]
    public async Task A_profile_another_tool_set_in_the_old_ice_breaker_format_is_read_and_replaced()
    {
        await using var bot = await MessengerBot.StartAsync(settings: AdminClient.Settings());
        var existing = JsonNode.Parse(MessengerBot.Sample("profile-get-response.json"))!["data"]![0]!.AsObject();
        bot.Graph.Profile.Set("get_started", new JsonObject { ["payload"] = "get_started" });
        bot.Graph.Profile.Set("greeting", existing["greeting"]!);
        bot.Graph.Profile.Set("persistent_menu", existing["persistent_menu"]!);
        bot.Graph.Profile.Set("ice_breakers", new JsonArray(new JsonObject { ["question"] = "Where is my order?", ["payload"] = "ICE_ORDER_STATUS" }));

        var (_, report) = await new AdminClient(bot.Host).SendAsync(HttpMethod.Post, "/api/admin/messenger/profile/apply");

        Assert.Equal(["greeting", "ice_breakers", "persistent_menu"], Strings(report!["changed"]));
        Assert.Equal(["get_started"], Strings(report["unchanged"]));
        var write = Assert.Single(bot.Graph.Profile.Calls, c => c.Method == "POST").Body!;
        Assert.False(write.ContainsKey("get_started"), "an unchanged property is not written");
        var breakers = bot.Graph.Profile.Properties["ice_breakers"]!.AsArray();
        Assert.Equal(["de_DE", "default"], breakers.Select(b => b!["locale"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_refused_write_is_told_in_words_and_says_nothing_was_changed()
    {
        await using var bot = await MessengerBot.StartAsync(settings: AdminClient.Settings());
        bot.Graph.Profile.RefuseNextWrite(400, """{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","code":4,"fbtrace_id":"AbC"}}""");

        var (status, report) = await new AdminClient(bot.Host).SendAsync(HttpMethod.Post, "/api/admin/messenger/profile/apply");

        Assert.Equal(200, status);
        var problem = report!["problem"]!.GetValue<string>();
        Assert.Contains("10 calls per 10 minutes per Page", problem, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was changed.", problem, StringComparison.Ordinal);
        Assert.Empty(bot.Graph.Profile.Properties);
    }

    [Fact]
    public async Task The_command_shows_the_diff_and_writes_nothing()
    {
        await using var bot = await MessengerBot.StartAsync();
        using var output = new StringWriter();

        var exit = await MessengerProfileCommand.RunAsync(bot.Host.Services, ["messenger-profile", "diff"], output);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("persistent_menu: to write", lines);
        Assert.Contains("dry run: nothing was written", lines);
        Assert.Contains(lines, l => l.Contains("\"Rückgabe & Erstattung\"", StringComparison.Ordinal));
        Assert.Equal(0, bot.Graph.Profile.Writes);
    }

    [Fact]
    public async Task With_nothing_configured_nothing_on_the_Page_is_touched_or_listed_for_deletion()
    {
        await using var bot = await MessengerBot.StartAsync(replaceServices: services =>
            services.AddSingleton<Microsoft.Extensions.Options.IOptions<MessengerProfileOptions>>(Microsoft.Extensions.Options.Options.Create(new MessengerProfileOptions())));
        bot.Graph.Profile.Set("greeting", new JsonArray(new JsonObject { ["locale"] = "default", ["text"] = "Set by hand" }));
        var service = bot.Host.Services.GetRequiredService<MessengerProfileService>();

        var dryRun = await service.DryRunAsync(CancellationToken.None);
        var applied = await service.ApplyAsync(CancellationToken.None);

        Assert.Equal(([], []), (dryRun.Deleted, applied.Deleted));
        Assert.Contains("nothing is managed", applied.Problem, StringComparison.Ordinal);
        Assert.Equal(0, bot.Graph.Profile.Writes);
        Assert.NotNull(bot.Graph.Profile.Properties["greeting"]);
    }

    [Fact]
    public void A_property_no_longer_configured_is_deleted_and_a_menu_goes_before_its_Get_Started()
    {
        var configured = MessengerProfileDocument.FromOptions(new MessengerProfileOptions { Greeting = new() { ["default"] = "Hi!" } });
        var onPage = MessengerProfileDocument.FromGraph(JsonNode.Parse(MessengerBot.Sample("profile-get-response.json")), JsonNode.Parse(MessengerBot.Sample("profile-get-ice-breakers-response.json")));

        var diff = MessengerProfileDiff.Compute(configured, onPage);

        Assert.Equal(["greeting"], diff.ToWrite.Select(p => p.Key));
        Assert.Equal(["persistent_menu", "ice_breakers", "get_started"], diff.ToDelete);
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];
}
