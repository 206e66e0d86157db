using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using ConversationBot.Bot.Admin;
using ConversationBot.Bot.Security;

namespace ConversationBot.Bot.Tests.Security;

/// <summary>
/// Keys are compared in constant time: both sides hashed to 32 bytes and compared with
/// CryptographicOperations.FixedTimeEquals, so neither a common prefix nor the length of the
/// configured key shows in the time an answer takes. Timing itself cannot be measured reliably on a
/// shared machine, so the tests read the compiled code: a change to an early-exit comparison fails here.
/// </summary>
public sealed class SecretComparisonTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData(Key, true)]
    [InlineData("0123456789abcdef0123456789abcdeX", false)]
    [InlineData("0123456789abcdef0123456789abcde", false)]
    [InlineData(Key + "0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_exact_key_matches(string? presented, bool matches) =>
        Assert.Equal(matches, SecretComparison.Matches(presented, SecretComparison.Hash(Key)));

    [Fact]
    public void The_comparison_is_FixedTimeEquals_over_hashes_of_equal_length()
    {
        var calls = CalledMethods(typeof(SecretComparison).GetMethod(nameof(SecretComparison.Matches))!);

        Assert.Contains(calls, m => m.DeclaringType == typeof(CryptographicOperations) && m.Name == nameof(CryptographicOperations.FixedTimeEquals));
        Assert.Contains(calls, m => m.DeclaringType == typeof(SecretComparison) && m.Name == nameof(SecretComparison.Hash));
        Assert.Equal(32, SecretComparison.Hash("a").Length);
        Assert.Equal(32, SecretComparison.Hash(new string('a', 10_000)).Length);
    }

    [Fact]
    public void The_admin_key_filter_compares_only_through_SecretComparison()
    {
        // The filter's InvokeAsync is an async state machine: its code is in MoveNext.
        var stateMachine = typeof(AdminApiKeyFilter).GetMethod(nameof(AdminApiKeyFilter.InvokeAsync))!.GetCustomAttribute<AsyncStateMachineAttribute>()!.StateMachineType;
        var calls = CalledMethods(stateMachine.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic)!)
            .Concat(typeof(AdminApiKeyFilter).GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly).SelectMany(CalledMethods))
            .ToList();

        Assert.Contains(calls, m => m.DeclaringType == typeof(SecretComparison) && m.Name == nameof(SecretComparison.Matches));
        Assert.DoesNotContain(calls, m => m.DeclaringType == typeof(string) && m.Name is "Equals" or "op_Equality" or "CompareOrdinal" or "Compare");
        Assert.DoesNotContain(calls, m => m.Name == "SequenceEqual");
    }

    /// <summary>The methods a method's IL calls (call, callvirt, newobj), read from its body.</summary>
    private static List<MethodBase> CalledMethods(MethodInfo method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var found = new List<MethodBase>();
        for (var i = 0; i + 4 < il.Length; i++)
        {
            // call 0x28, callvirt 0x6F, newobj 0x73, each followed by a 4-byte metadata token.
            if (il[i] is 0x28 or 0x6F or 0x73)
            {
                var token = BitConverter.ToInt32(il, i + 1);
                try
                {
                    var resolved = method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.GetGenericArguments());
                    if (resolved is not null)
                    {
                        found.Add(resolved);
                        i += 4;
                    }
                }
                catch (ArgumentException)
                {
                    // Not a method token: the byte was an operand of another instruction.
                }
            }
        }

        return found;
    }
}
