using System.Text.Json;

namespace Cdx.Core.Tools;

public sealed partial class ToolRuntime
{
    /// <summary>`update_plan`: report the plan, answer `Plan updated` (spec tools.md §6).</summary>
    private static ToolOutput UpdatePlan(ToolCall call, IToolEvents events)
    {
        var args = ToolArguments.Parse(call.Payload);
        var explanation = args.String("explanation");
        if (args.Get("plan") is not { } plan)
        {
            throw new ToolArgumentException($"missing field `plan` at {EndOf(call.Payload)}");
        }
        if (plan.ValueKind != JsonValueKind.Array)
        {
            throw args.TypeError(plan, "a sequence");
        }
        var steps = new List<PlanStep>();
        foreach (var item in plan.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw args.TypeError(item, "struct PlanItemArg");
            }
            var step = item.TryGetProperty("step", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()!
                : throw args.ValueError("missing field `step`");
            var statusText = item.TryGetProperty("status", out var st) && st.ValueKind == JsonValueKind.String
                ? st.GetString()!
                : throw args.ValueError("missing field `status`");
            var status = statusText switch
            {
                "pending" => PlanStepStatus.Pending,
                "in_progress" => PlanStepStatus.InProgress,
                "completed" => PlanStepStatus.Completed,
                _ => throw args.ValueError($"unknown variant `{statusText}`, expected one of `pending`, `in_progress`, `completed`"),
            };
            steps.Add(new PlanStep(step, status));
        }
        events.PlanUpdated(call.CallId, explanation, steps);
        return "Plan updated";
    }

    private static string EndOf(string json)
    {
        var t = json.TrimEnd();
        return $"line {t.Count(c => c == '\n') + 1} column {t.Length - (t.LastIndexOf('\n') + 1)}";
    }

    /// <summary>`view_image`: the file as a data URL for an `input_image` content item (spec tools.md §7).</summary>
    private ToolOutput ViewImage(ToolCall call)
    {
        var args = ToolArguments.Parse(call.Payload);
        var path = Path.GetFullPath(args.RequiredString("path"), _o.Cwd);
        if (!File.Exists(path))
        {
            return Directory.Exists(path)
                ? $"image path `{path}` is not a file"
                : $"unable to locate image at `{path}`: No such file or directory (os error 2)";
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"unable to read image at `{path}`: {e.Message}";
        }
        if (ImageMime(bytes, path) is not { } mime)
        {
            return $"unable to process image at `{path}`: unsupported image format";
        }
        return new ToolOutput($"attached local image path {path}", $"data:{mime};base64,{Convert.ToBase64String(bytes)}");
    }

    private static string? ImageMime(byte[] b, string path)
    {
        if (b.Length >= 8 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G')
        {
            return "image/png";
        }
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return "image/jpeg";
        }
        if (b.Length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F')
        {
            return "image/gif";
        }
        if (b.Length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P')
        {
            return "image/webp";
        }
        return Path.GetExtension(path).ToLowerInvariant() == ".svg" ? "image/svg+xml" : null;
    }
}
