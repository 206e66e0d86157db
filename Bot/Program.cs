using ConversationBot.Bot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddConversationBot();

var app = builder.Build();
app.MapConversationBot();
app.Run();

/// <summary>The entry point; public so that tests can host the bot with WebApplicationFactory.</summary>
public partial class Program;
