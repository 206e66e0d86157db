using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ConversationBot.Bot.Hosting;
using ConversationBot.Bench.ConsolePages;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Repository;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// dotnet run -c Release --project bench/Console [-- --subscribers 100000 --renders 40]
// The real host in this process on 127.0.0.1 with a fresh SQLite file holding the subscribers (and one
// campaign with a delivery record for each of the first topic's), signed in to the console with the admin
// key; each page is rendered --renders times after two warm-ups. Prints the median and p95 of each page
// and the process's CPU per render, against GET /healthz (the same pipeline, no page) in the same run.
var arguments = new BenchArguments(args);
var subscribers = arguments.Int("subscribers") ?? 100_000;
var renders = arguments.Int("renders") ?? 40;
var folder = Directory.CreateTempSubdirectory("bench-console-");
const string Key = "bench-console-admin-key-0123456789abcdef";
try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = RepositoryRoot.BotProject, EnvironmentName = "Production" });
    builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:Sqlite:Path"] = Path.Combine(folder.FullName, "bench.db"),
        ["Admin:ApiKey"] = Key,
        ["Bot:AllowAnonymous"] = "true",
        ["Delivery:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Error",
    });
    builder.AddConversationBot();
    await using var app = builder.Build();
    app.ValidateSettings();
    app.MapConversationBot();
    await app.StartAsync();
    var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    var seeding = Stopwatch.StartNew();
    var campaign = await Seed.RunAsync(app.Services, subscribers);
    Console.WriteLine($"seeded {subscribers:N0} subscribers and {Seed.Deliveries(subscribers):N0} delivery records in {seeding.Elapsed.TotalSeconds:F1} s");

    using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
    client.DefaultRequestHeaders.Add("Cookie", await SignInAsync(client));
    var pages = new (string Name, string Path)[]
    {
        ("baseline: GET /healthz", "/healthz"),
        ("overview", "/console"),
        ("campaigns", "/console/campaigns"),
        ("a campaign", $"/console/campaigns/{campaign}"),
        ("its deliveries, failed only", $"/console/campaigns/{campaign}/deliveries?state=Failed"),
        ("schedules", "/console/schedules"),
        ("a customer", $"/console/customers?channel=webchat&customer=customer-{subscribers / 2}"),
        ("a customer's data held, every store counted", $"/console/customers/erase?channel=webchat&customer=customer-{subscribers / 2}"),
    };

    Console.WriteLine($"{"page",-30} {"median ms",10} {"p95 ms",8} {"CPU ms",8} {"x baseline (CPU)",18}");
    double? baseline = null;
    foreach (var (name, path) in pages)
    {
        var (median, p95, cpu) = await MeasureAsync(client, path, renders);
        baseline ??= cpu;
        Console.WriteLine($"{name,-30} {median,10:F1} {p95,8:F1} {cpu,8:F2} {cpu / baseline.Value,18:F1}");
    }

    Console.WriteLine($"goal: every page under 300 ms with {subscribers:N0} subscribers (median and p95 above)");
    await app.StopAsync();
    return 0;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    folder.Delete(recursive: true);
}

static async Task<(double Median, double P95, double CpuMs)> MeasureAsync(HttpClient client, string path, int count)
{
    for (var i = 0; i < 2; i++)
    {
        (await client.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
    }

    var times = new List<double>(count);
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    for (var i = 0; i < count; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / count;
    times.Sort();
    return (times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1], cpu);
}

static async Task<string> SignInAsync(HttpClient client)
{
    using var form = await client.GetAsync(new Uri("/console/sign-in", UriKind.Relative));
    var html = await form.Content.ReadAsStringAsync();
    var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var antiforgery = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    using var request = new HttpRequestMessage(HttpMethod.Post, "/console/sign-in")
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = Key, ["__RequestVerificationToken"] = token }),
    };
    request.Headers.Add("Cookie", antiforgery);
    using var signedIn = await client.SendAsync(request);
    if (signedIn.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"Sign-in answered {(int)signedIn.StatusCode}.");
    }

    return string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
}
