namespace ConversationBot.Dialogs.Handoff;

/// <summary>Who answers a Messenger customer who asked for a person (<c>Handoff:Messenger</c>).</summary>
public enum MessengerHandoffDesk
{
    /// <summary>The bot's own desk (the console, the admin API); the bot keeps the thread and stays silent.</summary>
    Console,

    /// <summary>Meta's Page Inbox: the bot passes the thread to it with the handover protocol and takes it back at the end.</summary>
    PageInbox,
}

/// <summary>What the bot does when another app asks for a thread it holds (<c>request_thread_control</c>; <c>Handoff:ThreadControlRequests</c>).</summary>
public enum ThreadControlRequestPolicy
{
    /// <summary>Keep the thread; the request is logged.</summary>
    Keep,

    /// <summary>Pass the thread to the app that asked.</summary>
    Pass,
}
