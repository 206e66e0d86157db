namespace ConversationBot.Bot.Messenger.Links;

/// <summary>One way in: what it starts (a dialog or a topic's offer), its ref, the m.me link, and where its QR codes are.</summary>
public sealed record EntryLink(string Kind, string Target, string? Source, string Ref, Uri Url, string QrSvg, string QrPng);
