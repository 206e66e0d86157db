using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ConversationBot.Bot.Tests.Messenger.Support;

/// <summary>
/// The Page's Messenger profile as Meta's Messenger Profile API keeps it (docs/messenger-platform.md §9):
/// GET with <c>fields</c> answers the set properties in a <c>data</c> wrapper (ice breakers on their own,
/// in the format they were set in); POST replaces each property sent, whole; DELETE removes the named
/// ones; a menu without Get Started is refused (100/2018145). Every call is counted.
/// </summary>
public sealed class FakeMessengerProfile
{
    private readonly object _gate = new();
    private readonly JsonObject _properties = [];
    private readonly List<(string Method, JsonObject? Body)> _calls = [];
    private (int Status, string Body)? _refuseNext;

    public IReadOnlyList<(string Method, JsonObject? Body)> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public int Writes => Calls.Count(c => c.Method is "POST" or "DELETE");

    public JsonObject Properties
    {
        get
        {
            lock (_gate)
            {
                return (JsonObject)_properties.DeepClone();
            }
        }
    }

    /// <summary>What another tool set, as it set it (e.g. ice breakers in the old flat format).</summary>
    public void Set(string property, JsonNode value)
    {
        lock (_gate)
        {
            _properties[property] = value.DeepClone();
        }
    }

    /// <summary>The next write is refused with this status and body (e.g. Meta's rate limit).</summary>
    public void RefuseNextWrite(int status, string body) => _refuseNext = (status, body);

    public IResult Handle(string method, string? fields, JsonObject? body)
    {
        lock (_gate)
        {
            _calls.Add((method, body?.DeepClone().AsObject()));
            if (method == "GET")
            {
                return Json(Read(fields ?? string.Empty));
            }

            if (_refuseNext is { } refused)
            {
                _refuseNext = null;
                return Results.Content(refused.Body, "application/json", statusCode: refused.Status);
            }

            if (method == "DELETE")
            {
                foreach (var field in body?["fields"]?.AsArray() ?? [])
                {
                    _properties.Remove(field!.GetValue<string>());
                }

                return Json(new JsonObject { ["success"] = true });
            }

            var after = (JsonObject)_properties.DeepClone();
            foreach (var (key, value) in body ?? [])
            {
                after[key] = value?.DeepClone();
            }

            if (after["persistent_menu"] is not null && after["get_started"] is null)
            {
                return Results.Content(MessengerSamples.Read("profile-error-get-started-required.json"), "application/json", statusCode: 400);
            }

            foreach (var (key, value) in body ?? [])
            {
                _properties[key] = value?.DeepClone();
            }

            return Json(new JsonObject { ["result"] = "success" });
        }
    }

    private JsonObject Read(string fields)
    {
        var requested = fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (requested.Contains("ice_breakers"))
        {
            return _properties["ice_breakers"] switch
            {
                JsonArray breakers when breakers.Count > 0 && breakers[0]?["locale"] is null => new JsonObject { ["data"] = new JsonArray(new JsonObject { ["ice_breakers"] = breakers.DeepClone() }) },
                JsonArray breakers => new JsonObject { ["data"] = breakers.DeepClone() },
                _ => new JsonObject { ["data"] = new JsonArray() },
            };
        }

        var set = new JsonObject();
        foreach (var field in requested.Where(f => _properties[f] is not null))
        {
            set[field] = _properties[field]!.DeepClone();
        }

        return new JsonObject { ["data"] = set.Count == 0 ? new JsonArray() : new JsonArray(set) };
    }

    private static IResult Json(JsonObject body) => Results.Content(body.ToJsonString(), "application/json");
}
