using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cdx.Config.Output;

public static partial class ConfigReport
{
    /// <summary>A human-readable report: layers, every effective key with its origin, constraints and notices.</summary>
    public static string ToText(EffectiveConfig e)
    {
        var sb = new StringBuilder();
        var trust = e.Trust.Level switch
        {
            Layers.TrustLevel.Trusted => $"trusted (entry for {e.Trust.DecidedBy})",
            Layers.TrustLevel.Untrusted => $"untrusted (entry for {e.Trust.DecidedBy})",
            _ => "no trust entry",
        };
        sb.AppendLine($"cwd: {e.Trust.Cwd}");
        sb.AppendLine($"project root: {e.Trust.Root} ({trust})");
        if (e.Profile is not null)
        {
            sb.AppendLine($"profile: {e.Profile}");
        }
        sb.AppendLine().AppendLine("Layers (lowest precedence first):");
        foreach (var l in e.Layers)
        {
            var state = l.Enabled ? "on " : "off";
            sb.AppendLine($"  [{state}] {l.Kind,-13} {l.Path ?? l.Origin.Label}{(l.DisabledReason is null ? "" : $"  ({l.DisabledReason})")}");
        }
        sb.AppendLine().AppendLine("Effective values:");
        var config = (JsonObject)ToJson(e)["config"]!;
        foreach (var (key, value) in Flatten(config, ""))
        {
            var origin = e.Origins.TryGetValue(key, out var o) ? o.ToString() : "default";
            sb.AppendLine($"  {key} = {value}    # {origin}");
        }
        if (e.Constraints.Count > 0)
        {
            sb.AppendLine().AppendLine("Constrained by requirements:");
            foreach (var c in e.Constraints)
            {
                var fallback = c.FallbackApplied ? "; configured value replaced" : "";
                sb.AppendLine($"  {c.Key}: {c.Requirement} = [{string.Join(", ", c.Allowed)}] set by {c.Source}{fallback}");
            }
        }
        sb.AppendLine().AppendLine(e.Notices.Count == 0 ? "Notices: none" : "Notices:");
        foreach (var n in e.Notices)
        {
            sb.AppendLine($"  - {n}");
        }
        return sb.ToString();
    }

    private static IEnumerable<(string Key, string Value)> Flatten(JsonObject obj, string prefix)
    {
        foreach (var (k, v) in obj)
        {
            var key = prefix.Length == 0 ? KeyPath.Quote(k) : $"{prefix}.{KeyPath.Quote(k)}";
            if (v is JsonObject child && child.Count > 0)
            {
                foreach (var leaf in Flatten(child, key))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (key, v?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null");
            }
        }
    }
}
