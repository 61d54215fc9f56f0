using System.Text.RegularExpressions;

namespace Cdx.Core.Tools;

/// <summary>
/// Recognises apply_patch sent through a shell tool (spec tools.md §4.3): `["apply_patch", PATCH]`,
/// or a `bash|zsh|sh -c|-lc` script that is exactly `[cd DIR && ]apply_patch <<'EOF' … EOF`.
/// </summary>
internal static partial class ApplyPatchInvocation
{
    /// <summary>The text the model gets for a bare patch with no apply_patch command.</summary>
    public const string BarePatchRejection =
        "apply_patch verification failed: patch detected without explicit call to apply_patch. Rerun as [\"apply_patch\", \"<patch>\"]";

    /// <summary>A recognised invocation: the patch, an optional `cd` directory, or a bare-patch mistake.</summary>
    public sealed record Match(string? Patch, string? Directory, bool Bare);

    /// <summary>Checks an argv (shell tool).</summary>
    public static Match? FromArgv(IReadOnlyList<string> argv)
    {
        if (argv.Count == 2 && argv[0] is "apply_patch" or "applypatch")
        {
            return new Match(argv[1], null, false);
        }
        if (argv.Count == 1 && IsPatchBody(argv[0]))
        {
            return new Match(null, null, true);
        }
        if (argv.Count == 3 && argv[1] is "-c" or "-lc" && Path.GetFileName(argv[0]) is "bash" or "zsh" or "sh")
        {
            return FromScript(argv[2]);
        }
        return null;
    }

    /// <summary>Checks a shell script (exec_command's `cmd`).</summary>
    public static Match? FromScript(string script)
    {
        if (IsPatchBody(script))
        {
            return new Match(null, null, true);
        }
        var m = Heredoc().Match(script);
        if (!m.Success)
        {
            return null;
        }
        var dir = m.Groups["dir"].Success ? Unquote(m.Groups["dir"].Value) : null;
        return new Match(m.Groups["body"].Value + "\n", dir, false);
    }

    private static bool IsPatchBody(string text) => text.TrimStart().StartsWith("*** Begin Patch", StringComparison.Ordinal);

    private static string Unquote(string s) =>
        s.Length >= 2 && (s[0] == '\'' || s[0] == '"') && s[^1] == s[0] ? s[1..^1] : s;

    [GeneratedRegex("""^\s*(?:cd\s+(?<dir>'[^']*'|"[^"]*"|[^\s&;|]+)\s*&&\s*)?(?:apply_patch|applypatch)\s*<<-?\s*(?<q>['"]?)(?<delim>[A-Za-z_][A-Za-z0-9_]*)\k<q>[ \t]*\n(?<body>.*?)\n\k<delim>[ \t]*\n?\s*$""", RegexOptions.Singleline)]
    private static partial Regex Heredoc();
}
