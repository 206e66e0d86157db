using System.Net;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Profiles;

namespace ConversationBot.Bot.Tests.Notifications.Errors;

/// <summary>
/// Every row of Meta's Marketing Messages error table (docs/marketing-messages.md §4) to its one action,
/// with the number in <c>code</c> and in <c>error_subcode</c>, through the one classifier
/// (Notifications/Errors/PlatformErrorClassifier.cs). The expectations below are written from the
/// table, not read from the code's table, so a wrong row fails here.
/// </summary>
public class MarketingMessagesErrorTableTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 14, 16, 20, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NextUtcDay = new(2026, 7, 15, 0, 0, 0, TimeSpan.Zero);
    private static readonly PlatformErrorClassifier Classifier = new(new PlatformErrorOptions(), PlatformProfile.Current, conversationGap: TimeSpan.FromHours(6));

    /// <summary>(number, action, when to act again: null for final, else the offset from now or "next day").</summary>
    public static TheoryData<int, PlatformErrorActionKind, string?> Table => new()
    {
        { 2300000, PlatformErrorActionKind.CampaignWaits, "1h" },
        { 2300001, PlatformErrorActionKind.FixRequest, null },
        { 2300002, PlatformErrorActionKind.FixRequest, null },
        { 2300003, PlatformErrorActionKind.CampaignWaits, "1h" },
        { 2300004, PlatformErrorActionKind.RetireSubscription, null },
        { 2300005, PlatformErrorActionKind.FixRequest, null },
        { 2300006, PlatformErrorActionKind.FixRequest, null },
        { 2300007, PlatformErrorActionKind.FixRequest, null },
        { 2300008, PlatformErrorActionKind.RetryLater, "2s" },
        { 2300009, PlatformErrorActionKind.FixRequest, null },
        { 2300010, PlatformErrorActionKind.FixRequest, null },
        { 2300011, PlatformErrorActionKind.StopMarketingMessages, null },
        { 2300012, PlatformErrorActionKind.CampaignWaits, "1h" },
        { 2300013, PlatformErrorActionKind.StopMarketingMessages, null },
        { 2300014, PlatformErrorActionKind.FixRequest, null },
        { 2300015, PlatformErrorActionKind.CampaignBudgetExhausted, null },
        { 2300016, PlatformErrorActionKind.FixRequest, null },
        { 2300017, PlatformErrorActionKind.StopMarketingMessages, null },
        { 2300018, PlatformErrorActionKind.RetryLater, "2s" },
        { 2300019, PlatformErrorActionKind.StopMarketingMessages, null },
        { 2300020, PlatformErrorActionKind.FixRequest, null },
        { 2300021, PlatformErrorActionKind.FixRequest, null },
        { 2300022, PlatformErrorActionKind.FixRequest, null },
        { 2300023, PlatformErrorActionKind.FixRequest, null },
        { 2300024, PlatformErrorActionKind.FixRequest, null },
        { 2300025, PlatformErrorActionKind.FixRequest, null },
        { 2300026, PlatformErrorActionKind.FixRequest, null },
        { 2300027, PlatformErrorActionKind.FixRequest, null },
        { 2300028, PlatformErrorActionKind.CampaignWaits, "1h" },
        { 2300030, PlatformErrorActionKind.StopMarketingMessages, null },
        { 2300031, PlatformErrorActionKind.StopMarketingMessages, null },
        { 2300032, PlatformErrorActionKind.RerouteToOtherProduct, null },
        { 2300033, PlatformErrorActionKind.CampaignWaits, "1h" },
        { 2300034, PlatformErrorActionKind.MarkStopped, null },
        { 2300035, PlatformErrorActionKind.RescheduleAt, "12h" },
        { 2300036, PlatformErrorActionKind.SkipRecipient, "next day" },
        { 2300037, PlatformErrorActionKind.RetireSubscription, null },
        { 2300038, PlatformErrorActionKind.FixRequest, null },
        { 2300039, PlatformErrorActionKind.StopMarketingMessages, null },
        { 2300040, PlatformErrorActionKind.StopMarketingMessages, null },
        { 2300041, PlatformErrorActionKind.CampaignWaits, "1h" },
        { 2300042, PlatformErrorActionKind.SkipRecipient, "7d" },
        { 2300043, PlatformErrorActionKind.SkipRecipient, "7d" },
        { 2300044, PlatformErrorActionKind.SkipRecipient, "7d" },
        { 2300046, PlatformErrorActionKind.FixRequest, null },
        { 2300047, PlatformErrorActionKind.FixRequest, null },
        { 2300048, PlatformErrorActionKind.FixRequest, null },
        { 2300052, PlatformErrorActionKind.SkipRecipient, "6h" },
        { 2300053, PlatformErrorActionKind.CampaignBudgetExhausted, null },
        { 2300054, PlatformErrorActionKind.CampaignWaits, "next day" },
        { 2300055, PlatformErrorActionKind.RetryLater, "30m" },
        { 2300056, PlatformErrorActionKind.StopMarketingMessages, null },
        { 2300057, PlatformErrorActionKind.RetryLater, "2s" },
        { 2300058, PlatformErrorActionKind.StopMarketingMessages, null },
        { 2300059, PlatformErrorActionKind.StopMarketingMessages, null },
        { 2300060, PlatformErrorActionKind.RetryLater, "2s" },
        { 2300061, PlatformErrorActionKind.RetryLater, "30m" },
        { 2300062, PlatformErrorActionKind.RetryLater, "30m" },
        { 2300063, PlatformErrorActionKind.RetryLater, "2s" },
        { 2300064, PlatformErrorActionKind.FixRequest, null },
        { 2300065, PlatformErrorActionKind.FixRequest, null },
        { 2300066, PlatformErrorActionKind.StopMarketingMessages, null },
        { 2300067, PlatformErrorActionKind.StopMarketingMessages, null },
        { 2300068, PlatformErrorActionKind.RetryLater, "2s" },
        { 2300069, PlatformErrorActionKind.StopMarketingMessages, null },
        { 2300070, PlatformErrorActionKind.FixRequest, null },
        { 2300071, PlatformErrorActionKind.FixRequest, null },
        { 2300072, PlatformErrorActionKind.FixRequest, null },
        { 2300073, PlatformErrorActionKind.FixRequest, null },
        { 2300074, PlatformErrorActionKind.FixRequest, null },
        { 2300075, PlatformErrorActionKind.FixRequest, null },
        { 2300076, PlatformErrorActionKind.FixRequest, null },
        { 2300077, PlatformErrorActionKind.FixRequest, null },
        { 2300078, PlatformErrorActionKind.RetryLater, "2s" },
        { 2300079, PlatformErrorActionKind.RetryLater, "2s" },
        { 2300080, PlatformErrorActionKind.RetryLater, "2s" },
        { 1893047, PlatformErrorActionKind.SkipRecipient, "next day" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void The_number_in_code_gets_the_tables_action(int number, PlatformErrorActionKind expected, string? after) =>
        AssertRow(new PlatformError(400, number, null, "(no text)", Product: MessengerProduct.MarketingMessages), expected, after);

    [Theory]
    [MemberData(nameof(Table))]
    public void The_number_in_error_subcode_next_to_a_generic_code_gets_the_same_action(int number, PlatformErrorActionKind expected, string? after) =>
        AssertRow(new PlatformError(400, 100, number, "(#100) Invalid parameter", Product: MessengerProduct.MarketingMessages), expected, after);

    [Fact]
    public void Every_documented_number_has_a_row_and_no_row_is_undocumented()
    {
        Assert.Equal(Table.Select(row => (int)row[0]).Order(), MarketingMessagesErrors.Numbers.Order());
    }

    [Theory]
    [InlineData(2300029)]
    [InlineData(2300045)]
    [InlineData(2300050)]
    [InlineData(2300099)]
    public void An_undocumented_number_is_unknown_recorded_in_full_and_not_retried(int number)
    {
        var body = $$$"""{"error":{"message":"Something new","type":"OAuthException","code":{{{number}}},"fbtrace_id":"X"}}""";

        var action = Classifier.Classify(MessengerSendClient.ReadError(HttpStatusCode.BadRequest, body).Error, Now);

        Assert.Equal(PlatformErrorActionKind.Unknown, action.Kind);
        Assert.False(action.MayRetry);
        Assert.Equal(body, action.Error.Body);
        Assert.Contains(number.ToString(System.Globalization.CultureInfo.InvariantCulture), action.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mm-error-invalid-token.json", PlatformErrorActionKind.RetireSubscription)]
    [InlineData("mm-error-conversation-gap.json", PlatformErrorActionKind.SkipRecipient)]
    public void Each_Marketing_Messages_error_sample_read_by_the_host_classifies_as_the_table_says(string file, PlatformErrorActionKind expected) =>
        Assert.Equal(expected, Classifier.Classify(MessengerSendClient.ReadError(HttpStatusCode.BadRequest, MessengerSamples.Read(file)).Error, Now).Kind);

    [Theory]
    [InlineData("""{"remaining_seconds": 95}""")]
    [InlineData("""{"remaining_seconds": "95"}""")]
    [InlineData("\"{\\\"remaining_seconds\\\": 95}\"")]
    public void Remaining_seconds_in_error_data_as_an_object_or_a_JSON_string_set_the_wait(string errorData)
    {
        var body = $$$"""{"error":{"message":"Pacing: try again later","code":2300055,"error_data":{{{errorData}}},"fbtrace_id":"X"}}""";

        var action = Classifier.Classify(MessengerSendClient.ReadError(HttpStatusCode.BadRequest, body).Error, Now);

        Assert.Equal(PlatformErrorActionKind.RetryLater, action.Kind);
        Assert.Equal(Now.AddSeconds(95), action.At);
    }

    [Fact]
    public void Remaining_seconds_also_shortens_a_warm_up_and_lengthens_a_backoff()
    {
        var warmUp = Classifier.Classify(new PlatformError(400, 2300003, null, null, Remaining: TimeSpan.FromMinutes(12)), Now);
        var rate = Classifier.Classify(new PlatformError(400, 2300078, null, null, Remaining: TimeSpan.FromMinutes(3)), Now);

        Assert.Equal((PlatformErrorActionKind.CampaignWaits, Now.AddMinutes(12)), (warmUp.Kind, warmUp.At));
        Assert.Equal((PlatformErrorActionKind.RetryLater, Now.AddMinutes(3)), (rate.Kind, rate.At));
    }

    [Fact]
    public void A_renumbered_code_with_a_stated_wait_is_read_as_pacing_not_as_the_terms_error()
    {
        var withWait = Classifier.Classify(new PlatformError(400, 2300069, null, "Cannot send now", Remaining: TimeSpan.FromMinutes(10)), Now);
        var saysTryLater = Classifier.Classify(new PlatformError(400, 2300072, null, "Pacing limit: please try again later"), Now);
        var plain = Classifier.Classify(new PlatformError(400, 2300069, null, "Required terms of service not signed"), Now);

        Assert.Equal((PlatformErrorActionKind.RetryLater, Now.AddMinutes(10)), (withWait.Kind, withWait.At));
        Assert.Equal(PlatformErrorActionKind.RetryLater, saysTryLater.Kind);
        Assert.Equal(PlatformErrorActionKind.StopMarketingMessages, plain.Kind);
    }

    [Fact]
    public void Retry_then_fix_rows_retry_once_and_then_count_as_our_mistake()
    {
        Assert.Equal(PlatformErrorActionKind.RetryLater, Classifier.Classify(new PlatformError(400, 2300018, null, null), Now, attempt: 1).Kind);
        var second = Classifier.Classify(new PlatformError(400, 2300018, null, null), Now, attempt: 2);
        Assert.Equal(PlatformErrorActionKind.FixRequest, second.Kind);
        Assert.True(second.AlertOperator);
    }

    [Fact]
    public void Too_soon_for_a_token_waits_for_Metas_next_eligible_time_when_it_is_known()
    {
        var next = Now.AddHours(3);

        Assert.Equal(next, Classifier.Classify(new PlatformError(400, 2300035, null, null), Now, nextEligibleAt: next).At);
    }

    [Theory]
    [InlineData(190)]
    [InlineData(10)]
    [InlineData(200)]
    [InlineData(294)]
    public void A_refused_access_token_on_a_Marketing_Messages_call_stops_them_for_the_page_and_alerts(int code)
    {
        var action = Classifier.Classify(new PlatformError(400, code, null, "Invalid OAuth access token", Product: MessengerProduct.MarketingMessages), Now);

        Assert.Equal(PlatformErrorActionKind.StopMarketingMessages, action.Kind);
        Assert.True(action.AlertOperator);
        Assert.Equal(PlatformErrorActionKind.MarkStopped, Classifier.Classify(new PlatformError(400, 10, 1893015, "stopped", Product: MessengerProduct.RecurringNotifications), Now).Kind);
    }

    [Fact]
    public void A_Recurring_Notifications_refusal_naming_the_region_or_listed_in_the_settings_reroutes()
    {
        var byText = Classifier.Classify(new PlatformError(400, 10, 2018999, "This feature is not available in the recipient's region", Product: MessengerProduct.RecurringNotifications), Now);
        var listed = new PlatformErrorClassifier(new PlatformErrorOptions { RecurringNotificationsRegionRefusals = ["10/2018998"] }, PlatformProfile.Current)
            .Classify(new PlatformError(400, 10, 2018998, "(#10) Not allowed", Product: MessengerProduct.RecurringNotifications), Now);
        var unlisted = Classifier.Classify(new PlatformError(400, 10, 2018998, "(#10) Not allowed", Product: MessengerProduct.RecurringNotifications), Now);

        Assert.Equal(PlatformErrorActionKind.RerouteToOtherProduct, byText.Kind);
        Assert.Equal(PlatformErrorActionKind.RerouteToOtherProduct, listed.Kind);
        Assert.Equal(PlatformErrorActionKind.Unknown, unlisted.Kind);
    }

    [Fact]
    public void A_malformed_region_refusal_setting_is_named()
    {
        var problems = new PlatformErrorOptions { RecurringNotificationsRegionRefusals = ["ten"] }.Problems("Notifications:Errors").ToList();

        Assert.Equal(["Notifications:Errors:RecurringNotificationsRegionRefusals 'ten' must be code/subcode, e.g. 10/2018999 (subcode may be empty: 10/)"], problems);
    }

    private static void AssertRow(PlatformError error, PlatformErrorActionKind expected, string? after)
    {
        var action = Classifier.Classify(error, Now);

        Assert.Equal(expected, action.Kind);
        Assert.Equal(Expected(after), action.At);
        Assert.Equal(expected is PlatformErrorActionKind.CampaignBudgetExhausted or PlatformErrorActionKind.FixRequest or PlatformErrorActionKind.StopMarketingMessages, action.AlertOperator);
        Assert.Equal(expected is PlatformErrorActionKind.RetryLater or PlatformErrorActionKind.RescheduleAt, action.MayRetry);
    }

    private static DateTimeOffset? Expected(string? after) => after switch
    {
        null => null,
        "next day" => NextUtcDay,
        "2s" => Now.AddSeconds(2),
        "30m" => Now.AddMinutes(30),
        "1h" => Now.AddHours(1),
        "6h" => Now.AddHours(6),
        "12h" => Now.AddHours(12),
        "7d" => Now.AddDays(7),
        _ => throw new ArgumentOutOfRangeException(nameof(after), after, "unknown wait"),
    };
}
