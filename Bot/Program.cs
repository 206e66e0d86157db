using ConversationBot.Bot.Hosting;
using ConversationBot.Bot.Messenger.Profile;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddConversationBot();

    var app = builder.Build();
    app.ValidateSettings();
    if (MessengerProfileCommand.IsInvoked(args))
    {
        return await MessengerProfileCommand.RunAsync(app.Services, args, Console.Out);
    }

    app.MapConversationBot();
    app.Run();
    return 0;
}
catch (Exception ex) when (SettingsProblems.AreIn(ex) && SettingsProblems.IsOwnProcess)
{
    return SettingsProblems.Report(ex, Console.Error);
}

/// <summary>The entry point; public so that tests can host the bot with WebApplicationFactory.</summary>
public partial class Program;
