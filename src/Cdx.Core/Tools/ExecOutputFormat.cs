using System.Globalization;
using System.Text;
using Cdx.Sandbox;

namespace Cdx.Core.Tools;

/// <summary>The freeform result text of `shell` and `apply_patch` (spec tools.md §4.4, §5.3).</summary>
internal static class ExecOutputFormat
{
    /// <summary>`Exit code: N\nWall time: S seconds\n[Total output lines: L\n]Output:\n…`.</summary>
    public static string Freeform(int exitCode, TimeSpan wall, string output, int maxOutputTokens)
    {
        var truncated = OutputText.TruncateToTokens(output, maxOutputTokens);
        var sb = new StringBuilder();
        sb.Append("Exit code: ").Append(exitCode).Append('\n');
        sb.Append("Wall time: ").Append(Seconds(wall)).Append(" seconds\n");
        if (!ReferenceEquals(truncated, output) && truncated != output)
        {
            sb.Append("Total output lines: ").Append(output.Count(c => c == '\n') + (output.EndsWith('\n') ? 0 : 1)).Append('\n');
        }
        sb.Append("Output:\n").Append(truncated);
        return sb.ToString();
    }

    /// <summary>Seconds rounded to 0.1 and printed the shortest way (`0`, `0.5`, `12`), as Codex does.</summary>
    public static string Seconds(TimeSpan wall) =>
        Math.Round(wall.TotalSeconds, 1).ToString(CultureInfo.InvariantCulture);
}
