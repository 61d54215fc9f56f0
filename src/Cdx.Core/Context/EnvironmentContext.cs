using System.Globalization;
using System.Security;
using System.Text;
using Cdx.Config.Model;
using Cdx.Sandbox;

namespace Cdx.Core.Context;

/// <summary>The `&lt;environment_context&gt;` block of the initial user message.</summary>
public static class EnvironmentContext
{
    /// <summary>Renders cwd, approval policy, sandbox mode, network, writable roots, shell, date and timezone.</summary>
    public static string Render(string cwd, SandboxPolicy sandbox, ApprovalPolicy approval, IReadOnlyList<string> writableRoots,
        string shell, DateTimeOffset now, string timezone)
    {
        var sb = new StringBuilder("<environment_context>\n");
        Tag(sb, "cwd", cwd);
        Tag(sb, "approval_policy", approval.ToString());
        Tag(sb, "sandbox_mode", sandbox.Mode.ToName());
        Tag(sb, "network_access", sandbox.HasNetwork ? "enabled" : "restricted");
        if (writableRoots.Count > 0)
        {
            sb.Append("  <writable_roots>\n");
            foreach (var root in writableRoots)
            {
                sb.Append("    <root>").Append(SecurityElement.Escape(root)).Append("</root>\n");
            }
            sb.Append("  </writable_roots>\n");
        }
        Tag(sb, "shell", Path.GetFileName(shell));
        Tag(sb, "current_date", now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Tag(sb, "timezone", timezone);
        return sb.Append("</environment_context>").ToString();
    }

    private static void Tag(StringBuilder sb, string name, string value) =>
        sb.Append("  <").Append(name).Append('>').Append(SecurityElement.Escape(value)).Append("</").Append(name).Append(">\n");
}
