namespace Cdx.ApplyPatch.Applying;

/// <summary>
/// A patch that parsed but cannot be applied to the files as they are (context not found, file
/// missing, write failed). The message is Codex's wording, meant for the model to fix its patch.
/// </summary>
public sealed class PatchApplyException(string message, string? path = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The absolute path of the file the error is about, when there is one.</summary>
    public string? Path { get; } = path;
}
