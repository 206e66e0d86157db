namespace ConversationBot.Dialogs.CustomerService;

/// <summary>How the order-status flow starts: with a number the customer already gave, and how many numbers were not found so far.</summary>
public sealed record OrderStatusRequest(string? OrderNumber, int NotFoundCount = 0, string? LastNotFound = null);
