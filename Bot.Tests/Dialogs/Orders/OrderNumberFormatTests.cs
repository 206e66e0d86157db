using ConversationBot.Dialogs.Orders;

namespace ConversationBot.Bot.Tests.Dialogs.Orders;

public sealed class OrderNumberFormatTests
{
    private readonly OrderNumberFormat _format = new(@"\d{5,8}", "10045");

    [Theory]
    [InlineData("10045", "10045")]
    [InlineData(" #10045 ", "10045")]
    [InlineData("10 045", "10045")]
    [InlineData("12345678", "12345678")]
    public void Cleans_up_what_customers_type(string input, string expected) =>
        Assert.Equal(expected, _format.Normalize(input));

    [Theory]
    [InlineData("1004")]
    [InlineData("123456789")]
    [InlineData("A10045")]
    [InlineData("")]
    public void Refuses_what_is_not_an_order_number(string input) => Assert.Null(_format.Normalize(input));

    [Theory]
    [InlineData("Wo ist meine Bestellung 10045?", "10045")]
    [InlineData("order #10046 please", "10046")]
    [InlineData("my order", null)]
    [InlineData("call 0445550123", "0445550123")]
    public void Finds_a_number_in_a_sentence(string text, string? expected)
    {
        if (expected == "0445550123")
        {
            // Ten digits are not an order number: the pattern allows eight at most.
            Assert.Null(_format.FindIn(text));
            return;
        }

        Assert.Equal(expected, _format.FindIn(text));
    }

    [Fact]
    public void An_example_that_does_not_match_the_pattern_is_a_configuration_error() =>
        Assert.Throws<ArgumentException>(() => new OrderNumberFormat(@"\d{5}", "ABC"));
}
