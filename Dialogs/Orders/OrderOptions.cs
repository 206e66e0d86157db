using System.ComponentModel.DataAnnotations;

namespace ConversationBot.Dialogs.Orders;

public sealed class OrderOptions
{
    public const string SectionName = "Orders";

    /// <summary>A regular expression for one order number, without anchors.</summary>
    [Required]
    public string NumberPattern { get; init; } = @"\d{5,8}";

    /// <summary>Shown to customers as an example; must match <see cref="NumberPattern"/>.</summary>
    [Required]
    public string ExampleNumber { get; init; } = "10045";

    /// <summary>The JSON file of orders the demo lookup reads (relative to the content root).</summary>
    public string SampleOrdersFile { get; init; } = "SampleData/orders.json";
}
