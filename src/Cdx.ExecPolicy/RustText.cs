using System.Text;

namespace Cdx.ExecPolicy;

/// <summary>
/// Rust's `{:?}` rendering of a string, which Codex's messages embed verbatim (rule load errors,
/// rejected-command texts); cdx reproduces it so models and scripts see the same bytes.
/// </summary>
public static class RustText
{
    /// <summary>The string quoted, with `\`, `"` and the common control characters escaped.</summary>
    public static string Debug(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
