using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Profiles;

namespace ConversationBot.Bot.Tests.Notifications.Errors;

public class PlatformErrorClassifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 6, 10, 0, 0, TimeSpan.Zero);
    private static readonly PlatformErrorClassifier Classifier = new(new PlatformErrorOptions(), PlatformProfile.Current);

    public static TheoryData<string, PlatformErrorActionKind> Samples => new()
    {
        { "send-error-app-rate-limit.json", PlatformErrorActionKind.RetryLater },
        { "send-error-optin-barred.json", PlatformErrorActionKind.PausePageOptIns },
        { "send-error-optin-duplicate.json", PlatformErrorActionKind.RecordOfferedNoRetryThisWeek },
        { "send-error-optin-too-many.json", PlatformErrorActionKind.StopOffersToCustomerForDay },
        { "send-error-page-restricted.json", PlatformErrorActionKind.PausePageSends },
        { "send-error-rate-limit.json", PlatformErrorActionKind.RetryLater },
        { "send-error-token-invalid.json", PlatformErrorActionKind.RetireSubscription },
        { "send-error-too-soon.json", PlatformErrorActionKind.RescheduleAt },
        { "send-error-topic-stopped.json", PlatformErrorActionKind.MarkStopped },
        { "send-error-user-unavailable.json", PlatformErrorActionKind.RetireSubscription },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_shared_error_sample_classifies_as_the_readme_says(string file, PlatformErrorActionKind expected) =>
        Assert.Equal(expected, Classifier.Classify(MessengerSamples.Error(file), Now).Kind);

    [Fact]
    public void Every_error_sample_in_the_shared_folder_has_an_expectation()
    {
        var covered = Samples.Select(row => (string)row[0]).ToHashSet();
        Assert.All(MessengerSamples.Files("send-error-*.json"), file => Assert.Contains(file, covered));
    }

    [Fact]
    public void Code_613_alone_is_a_rate_limit_but_613_with_subcode_1893016_is_a_duplicate_opt_in()
    {
        Assert.Equal(PlatformErrorActionKind.RetryLater, Classifier.Classify(new PlatformError(400, 613, null, "rate"), Now).Kind);
        var duplicate = Classifier.Classify(new PlatformError(400, 613, 1893016, "dup"), Now);
        Assert.Equal(PlatformErrorActionKind.RecordOfferedNoRetryThisWeek, duplicate.Kind);
        Assert.Equal(Now.AddDays(7), duplicate.At);
        Assert.False(duplicate.MayRetry);
    }

    [Fact]
    public void Code_4_alone_is_a_rate_limit_but_4_with_2018354_reschedules_at_the_next_eligible_time()
    {
        Assert.Equal(PlatformErrorActionKind.RetryLater, Classifier.Classify(new PlatformError(400, 4, null, null), Now).Kind);
        var next = Now.AddHours(20);
        var tooSoon = Classifier.Classify(new PlatformError(400, 4, 2018354, null), Now, nextEligibleAt: next);
        Assert.Equal(PlatformErrorActionKind.RescheduleAt, tooSoon.Kind);
        Assert.Equal(next, tooSoon.At);
    }

    [Fact]
    public void Too_soon_without_a_known_next_eligible_time_waits_the_profiles_interval()
    {
        Assert.Equal(Now.AddHours(48), Classifier.Classify(new PlatformError(400, 4, 2018354, null), Now).At);
        Assert.Equal(Now.AddDays(1), new PlatformErrorClassifier(new PlatformErrorOptions(), PlatformProfile.Launch2022).Classify(new PlatformError(400, 4, 2018354, null), Now).At);
    }

    [Fact]
    public void Code_100_retires_only_when_the_message_names_the_token()
    {
        Assert.Equal(PlatformErrorActionKind.Unknown, Classifier.Classify(new PlatformError(400, 100, null, "(#100) Param message[text] must be non-empty"), Now).Kind);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void Http_429_and_5xx_are_transient(int status) =>
        Assert.Equal(PlatformErrorActionKind.RetryLater, Classifier.Classify(new PlatformError(status, null, null, null), Now).Kind);

    [Fact]
    public void A_call_that_may_have_arrived_is_never_retried()
    {
        Assert.Equal(PlatformErrorActionKind.OutcomeUnknown, Classifier.Classify(PlatformError.Timeout(), Now).Kind);
        Assert.Equal(PlatformErrorActionKind.OutcomeUnknown, Classifier.Classify(PlatformError.ConnectionLost("reset by peer"), Now).Kind);
    }

    [Fact]
    public void A_call_that_never_left_is_transient() =>
        Assert.Equal(PlatformErrorActionKind.RetryLater, Classifier.Classify(PlatformError.Unreachable("connection refused"), Now).Kind);

    [Fact]
    public void Retry_After_is_honoured_and_otherwise_the_backoff_doubles_up_to_its_cap()
    {
        Assert.Equal(Now.AddSeconds(30), Classifier.Classify(new PlatformError(429, null, null, null, TimeSpan.FromSeconds(30)), Now, attempt: 5).At);
        Assert.Equal(Now.AddSeconds(2), Classifier.Classify(new PlatformError(503, null, null, null), Now, attempt: 1).At);
        Assert.Equal(Now.AddSeconds(8), Classifier.Classify(new PlatformError(503, null, null, null), Now, attempt: 3).At);
        Assert.Equal(Now.AddMinutes(15), Classifier.Classify(new PlatformError(503, null, null, null), Now, attempt: 20).At);
    }

    [Fact]
    public void Page_wide_restrictions_alert_the_operator_and_last_the_configured_time()
    {
        var classifier = new PlatformErrorClassifier(new PlatformErrorOptions { PageOptInBar = TimeSpan.FromHours(12) }, PlatformProfile.Current);
        var barred = classifier.Classify(MessengerSamples.Error("send-error-optin-barred.json"), Now);
        Assert.True(barred.AlertOperator);
        Assert.Equal(Now.AddHours(12), barred.At);
        Assert.True(classifier.Classify(MessengerSamples.Error("send-error-page-restricted.json"), Now).AlertOperator);
    }

    [Fact]
    public void An_unknown_error_keeps_the_whole_body_and_is_not_retried()
    {
        var error = new PlatformError(400, 190, 463, "Session has expired", Body: "{\"error\":{\"code\":190}}");
        var action = Classifier.Classify(error, Now);
        Assert.Equal(PlatformErrorActionKind.Unknown, action.Kind);
        Assert.False(action.MayRetry);
        Assert.Equal("{\"error\":{\"code\":190}}", action.Error.Body);
    }
}
