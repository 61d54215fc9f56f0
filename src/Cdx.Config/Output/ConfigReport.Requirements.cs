using System.Text.Json.Nodes;
using Cdx.Config.Model;

namespace Cdx.Config.Output;

public static partial class ConfigReport
{
    private static JsonObject RequirementsJson(EffectiveConfig e)
    {
        var req = e.Requirements;
        var obj = new JsonObject();
        foreach (var (key, field) in req.Fields)
        {
            obj[key] = field.Value.ToJson();
        }
        if (req.AllowedSandboxModes is { } sm)
        {
            obj["allowed_sandbox_modes"] = Strings(sm.Value.Select(EnumText.Name));
        }
        if (req.AllowedWebSearchModes is { } ws)
        {
            obj["allowed_web_search_modes"] = Strings(ws.Value.Select(EnumText.Name));
        }
        if (req.Network is { } net && obj["experimental_network"] is JsonObject netJson)
        {
            // Show the canonical tables the legacy lists fold into, next to what the admin wrote.
            if (net.Value.Domains.Count > 0)
            {
                netJson["domains"] = StringMap(net.Value.Domains);
            }
            if (net.Value.UnixSockets.Count > 0)
            {
                netJson["unix_sockets"] = StringMap(net.Value.UnixSockets);
            }
        }
        if (req.FeaturePins is { } pins)
        {
            obj["features"] = new JsonObject(pins.Value.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
        }
        return obj;
    }

    private static JsonObject StringMap(IReadOnlyDictionary<string, string> map) =>
        new(map.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));

    private static JsonObject ConstraintsJson(EffectiveConfig e)
    {
        var obj = new JsonObject();
        foreach (var c in e.Constraints)
        {
            obj[c.Key] = new JsonObject
            {
                ["requirement"] = c.Requirement,
                ["source"] = c.Source.Label,
                ["allowed"] = Strings(c.Allowed),
                ["fallback_applied"] = c.FallbackApplied,
            };
        }
        return obj;
    }
}
