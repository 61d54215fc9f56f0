using Cdx.Protocol.Items;
using Cdx.Sandbox;

namespace Cdx.Core.Context;

/// <summary>
/// The first items of a thread (spec model-protocol.md §3.1): developer base instructions, developer
/// permissions (+ `developer_instructions`), then one user message with the AGENTS.md block (if
/// any) and the environment context.
/// </summary>
public static class InitialContext
{
    /// <summary>Builds the initial context items.</summary>
    public static IReadOnlyList<ResponseItem> Build(InitialContextOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var roots = Roots(o);
        var developer = new List<ContentItem> { new InputTextContent(PermissionsInstructions.Render(o.Sandbox, o.Approval, roots)) };
        if (!string.IsNullOrWhiteSpace(o.DeveloperInstructions))
        {
            developer.Add(new InputTextContent(o.DeveloperInstructions));
        }
        var user = new List<ContentItem>();
        if (o.AgentsMd is { } agents)
        {
            var found = AgentsMd.Load(o.Cwd, agents);
            foreach (var w in found.Warnings)
            {
                o.Warn?.Invoke(w);
            }
            if (found.Text is { } text)
            {
                user.Add(new InputTextContent(AgentsMd.Render(o.Cwd, text)));
            }
        }
        var now = o.Time.GetLocalNow();
        user.Add(new InputTextContent(EnvironmentContext.Render(o.Cwd, o.Sandbox, o.Approval, roots, Shell(o.Shell), now, o.Time.LocalTimeZone.Id)));
        return
        [
            MessageItem.Developer(o.BaseInstructionsOverride ?? BaseInstructions.Default),
            new MessageItem { Role = "developer", Content = developer },
            new MessageItem { Role = "user", Content = user },
        ];
    }

    private static IReadOnlyList<string> Roots(InitialContextOptions o)
    {
        try
        {
            return WritableRoots.Compute(o.Sandbox, o.Cwd, Environment.GetEnvironmentVariable("TMPDIR"));
        }
        catch (SandboxException)
        {
            return [o.Cwd];
        }
    }

    private static string Shell(string? shell)
    {
        var env = Environment.GetEnvironmentVariable("SHELL");
        return shell ?? (string.IsNullOrEmpty(env) ? "bash" : env);
    }
}
