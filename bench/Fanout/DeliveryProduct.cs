namespace ConversationBot.Bench.Fanout;

/// <summary>Which Messenger product carries the campaign: the Send API with Recurring Notifications tokens, or Marketing Messages (issue 23).</summary>
internal enum DeliveryProduct
{
    /// <summary>German subscribers, <c>POST /{page}/messages</c> to the fake Send API (<see cref="FakeGraphApi"/>).</summary>
    SendApi,

    /// <summary>US subscribers, <c>POST act_{id}/messages</c> to the local stand-in (<see cref="MarketingMessagesStandIn"/>).</summary>
    MarketingMessages,
}
