using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Notifications.Campaigns;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>The campaign part of the admin API: credentials, validation that names the field, and the operator's views.</summary>
public sealed class CampaignAdminApiTests : EmulatorTest
{
    [Theory]
    [InlineData("GET", "/api/admin/campaigns")]
    [InlineData("POST", "/api/admin/campaigns")]
    [InlineData("POST", "/api/admin/campaigns/preview")]
    [InlineData("GET", "/api/admin/topics")]
    [InlineData("POST", "/api/admin/topics/recount")]
    [InlineData("GET", "/api/admin/openapi.json")]
    [InlineData("GET", "/api/admin/customers/emulator/u1/subscriptions")]
    public async Task Without_the_key_the_answer_is_401_and_nothing_is_created(string method, string path)
    {
        await using var bot = BotHost.Start(Database.FilePath, AdminClient.Settings());
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { topic = "weekly-deals", text = "deals" }) : null,
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var stored = await bot.Services.GetRequiredService<ICampaignStore>().ListAsync(null, null, 10, CancellationToken.None);
        Assert.Empty(stored.Campaigns);
    }

    [Theory]
    [InlineData("""{"text":"deals"}""", "topic")]
    [InlineData("""{"topic":"no-such-topic","text":"deals"}""", "topic")]
    [InlineData("""{"topic":"weekly-deals"}""", "text")]
    [InlineData("""{"topic":"weekly-deals","text":"deals","sendAt":"next tuesday"}""", "sendAt")]
    [InlineData("""{"topic":"weekly-deals","text":"deals","imageUrl":"http://example.com/x.png"}""", "imageUrl")]
    [InlineData("""{"topic":"weekly-deals","text":"deals","buttons":[{"title":"Way too long a button title","payload":"x"}]}""", "buttons[0].title")]
    [InlineData("""{"topic":"weekly-deals","text":"deals","sendAt":"2030-01-02T00:00:00Z","endAt":"2030-01-01T00:00:00Z"}""", "endAt")]
    [InlineData("""{"topic":"weekly-deals","text":""", "text")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"topic":"weekly-deals","text":"deals","cron":"0 9 * * MON","timeZone":"Europe/Berlin"}""", "cron")]
    [InlineData("""{"topic":"weekly-deals","text":"deals","buttons":[{"title":"Go","payload":"x","color":"red"}]}""", "buttons[0].color")]
    public async Task An_invalid_campaign_is_a_400_that_names_the_field(string body, string field)
    {
        await using var bot = BotHost.Start(Database.FilePath, AdminClient.Settings());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/campaigns") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", AdminClient.Key);

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![field]);
        var stored = await bot.Services.GetRequiredService<ICampaignStore>().ListAsync(null, null, 10, CancellationToken.None);
        Assert.Empty(stored.Campaigns);
    }

    [Theory]
    [InlineData("Development", "/api/admin/campaigns?pageSize=abc")]
    [InlineData("Production", "/api/admin/campaigns?pageSize=abc")]
    [InlineData("Development", "/api/admin/campaigns?pageSize=")]
    [InlineData("Development", "/api/admin/campaigns?pageSize=2147483648")]
    [InlineData("Development", "/api/admin/campaigns?pageSize=0")]
    [InlineData("Production", "/api/admin/campaigns/c1/deliveries?pageSize=-1")]
    public async Task A_query_value_that_does_not_bind_is_a_400_naming_it_in_every_environment(string environment, string path)
    {
        await using var bot = BotHost.Start(Database.FilePath, AdminClient.Settings(new Dictionary<string, string?> { ["environment"] = environment }));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", AdminClient.Key);

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("whole number", problem["errors"]!["pageSize"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_schedules_lists_shows_and_cancels_a_campaign()
    {
        await using var bot = BotHost.Start(Database.FilePath, AdminClient.Settings());
        var admin = new AdminClient(bot);
        bot.Client.DefaultRequestHeaders.Add("X-Api-Key", AdminClient.Key);

        var id = await admin.CreateCampaignAsync(new { topic = "monthly-newsletter", text = "December news", sendAt = bot.Now().AddDays(3) });
        var listed = await bot.Client.GetFromJsonAsync<JsonObject>("/api/admin/campaigns?status=scheduled");
        var shown = await admin.CampaignAsync(id);
        using var cancel = await bot.Client.PostAsync($"/api/admin/campaigns/{id}/cancel", null);
        using var cancelAgain = await bot.Client.PostAsync($"/api/admin/campaigns/{id}/cancel", null);
        using var missing = await bot.Client.GetAsync("/api/admin/campaigns/c-none");
        using var badStatus = await bot.Client.GetAsync("/api/admin/campaigns?status=paused");

        Assert.Equal(id, listed!["campaigns"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(("Scheduled", "monthly-newsletter", "December news"), (shown["status"]!.GetValue<string>(), shown["topic"]!.GetValue<string>(), shown["text"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("Cancelled", JsonNode.Parse(await cancel.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, cancelAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(CampaignStatus.Cancelled, (await bot.Services.GetRequiredService<ICampaignStore>().FindAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Topics_show_their_subscribers_and_a_customers_subscriptions_are_listed_without_tokens()
    {
        await using var bot = BotHost.Start(Database.FilePath, AdminClient.Settings());
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("where is my order 10045?");
        using (var allowed = await emulator.SubmitAsync(new { optIn = "allow", topic = "order-updates" }))
        {
            allowed.EnsureSuccessStatusCode();
        }

        bot.Client.DefaultRequestHeaders.Add("X-Api-Key", AdminClient.Key);

        var topics = await bot.Client.GetFromJsonAsync<JsonArray>("/api/admin/topics");
        var subscriptions = await bot.Client.GetFromJsonAsync<JsonArray>($"/api/admin/customers/emulator/{emulator.UserId}/subscriptions");

        Assert.Equal(1, topics!.Single(t => t!["id"]!.GetValue<string>() == "order-updates")!["activeSubscribers"]!.GetValue<long>());
        Assert.Equal(0, topics!.Single(t => t!["id"]!.GetValue<string>() == "weekly-deals")!["activeSubscribers"]!.GetValue<long>());
        var stopRate = topics!.Single(t => t!["id"]!.GetValue<string>() == "order-updates")!["stopRate"]!;
        Assert.Equal((false, 1, 0), (stopRate["offersPaused"]!.GetValue<bool>(), stopRate["optIns"]!.GetValue<int>(), stopRate["stops"]!.GetValue<int>()));
        var subscription = Assert.Single(subscriptions!)!;
        Assert.Equal(("order-updates", "Active"), (subscription["topic"]!.GetValue<string>(), subscription["status"]!.GetValue<string>()));
        Assert.False(subscription["hasToken"]!.GetValue<bool>());
        Assert.Null(subscription["token"]);

        // SQLite counts from its index every time, so a recount finds what the listing said.
        var recounted = await new AdminClient(bot).RecountTopicsAsync();
        Assert.Equal((1, 0), (AdminClient.ActiveSubscribers(recounted, "order-updates"), AdminClient.ActiveSubscribers(recounted, "weekly-deals")));
    }

    [Fact]
    public async Task The_admin_api_is_described_by_an_openapi_document()
    {
        await using var bot = BotHost.Start(Database.FilePath, AdminClient.Settings());
        bot.Client.DefaultRequestHeaders.Add("X-Api-Key", AdminClient.Key);

        var document = await bot.Client.GetFromJsonAsync<JsonObject>("/api/admin/openapi.json");

        var paths = document!["paths"]!.AsObject();
        Assert.Contains("/api/admin/campaigns", paths.Select(p => p.Key));
        Assert.Contains("/api/admin/campaigns/{id}/cancel", paths.Select(p => p.Key));
        Assert.NotNull(paths["/api/admin/campaigns"]!["post"]!["requestBody"]);
        Assert.NotNull(paths["/api/admin/campaigns/preview"]!["post"]!["requestBody"]);
        var request = document["components"]!["schemas"]!["CampaignRequest"]!["properties"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Superset(new HashSet<string> { "content", "defaultLanguage", "segment", "localTime", "localDate", "ignoreQuietHours" }, request.ToHashSet());
        Assert.NotNull(document["components"]!["schemas"]!["CampaignPreviewView"]);
    }
}
