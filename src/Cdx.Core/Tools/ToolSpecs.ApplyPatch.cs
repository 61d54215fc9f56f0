using System.Text.Json.Nodes;

namespace Cdx.Core.Tools;

public static partial class ToolSpecs
{
    /// <summary>The lark grammar of the freeform apply_patch tool (the interface contract, spec tools.md §5.1).</summary>
    public const string ApplyPatchGrammar =
        "start: begin_patch hunk+ end_patch\n" +
        "begin_patch: \"*** Begin Patch\" LF\n" +
        "end_patch: \"*** End Patch\" LF?\n\n" +
        "hunk: add_hunk | delete_hunk | update_hunk\n" +
        "add_hunk: \"*** Add File: \" filename LF add_line+\n" +
        "delete_hunk: \"*** Delete File: \" filename LF\n" +
        "update_hunk: \"*** Update File: \" filename LF change_move? change?\n\n" +
        "filename: /(.+)/\n" +
        "add_line: \"+\" /(.*)/ LF -> line\n\n" +
        "change_move: \"*** Move to: \" filename LF\n" +
        "change: (change_context | change_line)+ eof_line?\n" +
        "change_context: (\"@@\" | \"@@ \" /(.+)/) LF\n" +
        "change_line: (\"+\" | \"-\" | \" \") /(.*)/ LF\n" +
        "eof_line: \"*** End of File\" LF\n\n" +
        "%import common.LF\n";

    /// <summary>Our own instructions for the JSON apply_patch variant (chat providers cannot take a grammar).</summary>
    private const string ApplyPatchFunctionDescription =
        "Edit files by sending a patch in the apply_patch format as `input`.\n" +
        "The patch starts with `*** Begin Patch` and ends with `*** End Patch`. Between them, one or more file sections:\n" +
        "- `*** Add File: <path>` followed by the new file's lines, each prefixed with `+`.\n" +
        "- `*** Delete File: <path>` with nothing after it.\n" +
        "- `*** Update File: <path>`, optionally `*** Move to: <new path>`, then change blocks. A block may start with " +
        "`@@` or `@@ <a line such as a class or function header>` to locate it; inside, context lines start with a space, " +
        "removed lines with `-`, added lines with `+`. Give about three lines of context around each change and make " +
        "context lines match the file exactly. `*** End of File` marks a change at the very end of the file.\n" +
        "Paths are relative to the working directory; never use absolute paths.\n" +
        "Example:\n" +
        "*** Begin Patch\n*** Update File: src/app.py\n@@ def main():\n-    print(\"hi\")\n+    print(\"hello\")\n*** End Patch";

    /// <summary>The freeform (custom) apply_patch tool with the lark grammar.</summary>
    public static JsonObject ApplyPatchFreeform() => new()
    {
        ["type"] = "custom",
        ["name"] = "apply_patch",
        ["description"] = "The `apply_patch` tool can be used to edit files. This is a FREEFORM tool, so do not wrap the patch in JSON.",
        ["format"] = new JsonObject
        {
            ["type"] = "grammar",
            ["syntax"] = "lark",
            ["definition"] = ApplyPatchGrammar,
        },
    };

    /// <summary>The JSON function apply_patch tool (`{"input": patch}`).</summary>
    public static JsonObject ApplyPatchFunction() => Function(
        "apply_patch",
        ApplyPatchFunctionDescription,
        new JsonObject { ["input"] = Prop("string", "The entire contents of the apply_patch command") },
        "input");
}
