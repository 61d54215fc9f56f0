namespace Cdx.Core.Tools;

/// <summary>Which shell tool family the model gets.</summary>
public enum ShellToolKind
{
    /// <summary>`exec_command` + `write_stdin` (Codex 0.169 default).</summary>
    UnifiedExec,

    /// <summary>The classic `shell` tool with an argv array.</summary>
    Shell,
}
