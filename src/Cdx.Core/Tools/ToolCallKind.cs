namespace Cdx.Core.Tools;

/// <summary>How the model called a tool.</summary>
public enum ToolCallKind
{
    /// <summary>`function_call` with JSON arguments.</summary>
    Function,

    /// <summary>`custom_tool_call` with raw input (freeform apply_patch).</summary>
    Custom,

    /// <summary>`local_shell_call` (hosted local_shell tool, codex-mini era).</summary>
    LocalShell,
}
