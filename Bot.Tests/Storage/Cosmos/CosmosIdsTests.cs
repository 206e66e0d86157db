using ConversationBot.Bot.Storage.Cosmos;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>Keys Cosmos DB would refuse or that are too long become ids that are stable, legal and never shared by two keys.</summary>
public sealed class CosmosIdsTests
{
    public static TheoryData<string> Keys => new()
    {
        "emulator/conversations/1234|livechat",
        "a\\b?c#d",
        "ümläut/日本/😀",
        "tab\there\nnewline",
        "star*2Fslash",
        "*h" + new string('0', 64),
        new string('k', 300),
        new string('/', 300),
        "",
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void An_id_has_no_character_Cosmos_refuses_and_fits_the_length_limit(string key)
    {
        var id = CosmosIds.ForKey(key);

        Assert.DoesNotContain(id, c => c is '/' or '\\' or '?' or '#' || char.IsControl(c));
        Assert.InRange(id.Length, 0, CosmosIds.MaxIdLength);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void The_same_key_is_always_the_same_id(string key) =>
        Assert.Equal(CosmosIds.ForKey(key), CosmosIds.ForKey(new string(key.AsSpan())));

    [Fact]
    public void Plain_keys_are_their_own_ids() =>
        Assert.Equal("emulator|conv-1|livechat ümläut", CosmosIds.ForKey("emulator|conv-1|livechat ümläut"));

    [Fact]
    public void Keys_that_look_like_escapes_or_hashes_of_others_get_other_ids()
    {
        string[] keys =
        [
            "a/b", "a*2Fb", "a*2fb", "a\\b", "a*5Cb", "a?b", "a#b", "a*b", "a*2Ab",
            new string('x', 300), new string('x', 301), new string('x', 299) + "/", new string('x', 299) + "*2F",
            "*h" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(new string('x', 300)))),
        ];

        var ids = keys.Select(CosmosIds.ForKey).ToList();

        Assert.Equal(keys.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Long_keys_that_share_their_first_255_characters_get_different_ids()
    {
        var prefix = new string('p', 255);

        Assert.NotEqual(CosmosIds.ForKey(prefix + "a"), CosmosIds.ForKey(prefix + "b"));
        Assert.StartsWith("*h", CosmosIds.ForKey(prefix + "a"), StringComparison.Ordinal);
    }

    [Fact]
    public void Composed_ids_keep_their_parts_apart()
    {
        Assert.NotEqual(CosmosIds.Compose("window", "a|b", "c"), CosmosIds.Compose("window", "a", "b|c"));
        Assert.NotEqual(CosmosIds.Compose("window", "a", "b"), CosmosIds.Compose("handoff", "a", "b"));
        Assert.Equal("window|messenger|1234", CosmosIds.Compose("window", "messenger", "1234"));
    }
}
