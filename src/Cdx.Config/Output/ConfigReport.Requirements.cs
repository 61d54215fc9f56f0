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
        if (req.FeaturePins is { } pins)
        {
            obj["features"] = new JsonObject(pins.Value.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
        }
        return obj;
    }

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
