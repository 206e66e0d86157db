using System.Globalization;

namespace ConversationBot.Bot.OperatorConsole;

/// <summary>How the desk pages write instants and waits: UTC to the minute (seconds for transcript lines), and "12 min" / "3 h 5 min" / "2 d 4 h".</summary>
public static class DeskTime
{
    public static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Second(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Waited(TimeSpan waited) => waited switch
    {
        { TotalMinutes: < 1 } => "under a minute",
        { TotalHours: < 1 } => $"{(int)waited.TotalMinutes} min",
        { TotalDays: < 1 } => $"{(int)waited.TotalHours} h {waited.Minutes} min",
        _ => $"{(int)waited.TotalDays} d {waited.Hours} h",
    };
}
