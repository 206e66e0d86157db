using System.Text.Json.Nodes;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Bot.Tests.Support;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace ConversationBot.Bot.Tests.Messenger.Links;

/// <summary>
/// m.me links and QR codes per dialog and topic from the admin API, with a source label per
/// placement: the QR code decodes to the link (ZXing), the link's ref is an entry the bot answers.
/// </summary>
public sealed class EntryLinkTests
{
    [Fact]
    public async Task Every_dialog_and_topic_has_a_link_whose_QR_code_decodes_to_it()
    {
        await using var bot = await MessengerBot.StartAsync(settings: AdminClient.Settings(new Dictionary<string, string?> { ["Messenger:PageUsername"] = "shop.example" }));
        var admin = new AdminClient(bot.Host);

        var (status, body) = await admin.SendAsync(HttpMethod.Get, "/api/admin/links?source=poster");

        Assert.Equal(200, status);
        var links = body!.AsArray().Select(l => l!.AsObject()).ToList();
        var deals = links.Single(l => l["target"]!.GetValue<string>() == "weekly-deals");
        Assert.Equal("https://m.me/shop.example?ref=topic_weekly-deals__src_poster", deals["url"]!.GetValue<string>());
        Assert.Contains(links, l => l["ref"]!.GetValue<string>() == "dialog_returns__src_poster");
        Assert.All(links, l => Assert.Matches("^[A-Za-z0-9_=-]{1,250}$", l["ref"]!.GetValue<string>()));

        using var http = new HttpClient { BaseAddress = bot.Host.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", AdminClient.Key);
        var png = await http.GetByteArrayAsync(deals["qrPng"]!.GetValue<string>());
        Assert.Equal(deals["url"]!.GetValue<string>(), Decode(png));
        var svg = await http.GetStringAsync(deals["qrSvg"]!.GetValue<string>());
        Assert.StartsWith("<svg", svg.TrimStart().Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", string.Empty, StringComparison.Ordinal).TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ref_the_bot_does_not_answer_has_no_QR_code_and_a_bad_source_label_is_refused()
    {
        await using var bot = await MessengerBot.StartAsync(settings: AdminClient.Settings());
        var admin = new AdminClient(bot.Host);

        Assert.Equal(404, (await admin.SendAsync(HttpMethod.Get, "/api/admin/links/topic_no-such-topic/qr.png")).Status);
        Assert.Equal(400, (await admin.SendAsync(HttpMethod.Get, "/api/admin/links?source=a_b")).Status);
        var (status, body) = await admin.SendAsync(HttpMethod.Get, "/api/admin/links");
        Assert.Equal(200, status);
        Assert.StartsWith($"https://m.me/{MessengerBot.PageId}?ref=", body![0]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Decode(byte[] png)
    {
        var (luminance, width, height) = PngLuminance.Read(png);
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height, RGBLuminanceSource.BitmapFormat.Gray8)));
        return new QRCodeReader().decode(bitmap)?.Text ?? throw new InvalidOperationException("No QR code found.");
    }
}
