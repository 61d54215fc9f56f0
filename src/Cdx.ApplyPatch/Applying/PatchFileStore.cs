using System.Text;
using Cdx.ApplyPatch.Workspace;

namespace Cdx.ApplyPatch.Applying;

/// <summary>The file operations a patch needs; on disk, or in memory over the disk for verification.</summary>
internal abstract class PatchFileStore
{

    /// <summary>Reads a file an Update will change; Codex's message when it cannot.</summary>
    public abstract string ReadForUpdate(ResolvedPath path);

    /// <summary>Reads a file a Delete will remove (null when it is not UTF-8 text); errors if it is missing.</summary>
    public abstract string? ReadForDelete(ResolvedPath path);

    /// <summary>Writes <paramref name="contents"/>, creating parent directories; keeps the mode of <paramref name="modeFrom"/>.</summary>
    public abstract void Write(ResolvedPath path, string contents, ResolvedPath? modeFrom);

    /// <summary>Removes a regular file (or a symlink); <paramref name="context"/> starts the error message.</summary>
    public abstract void Delete(ResolvedPath path, string context);

    protected static string DescribeReadError(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "No such file or directory (os error 2)",
        InvalidUtf8Exception => ex.Message,
        UnauthorizedAccessException => "Permission denied (os error 13)",
        _ => ex.Message,
    };

    /// <summary>The bytes as UTF-8 text; throws <see cref="InvalidUtf8Exception"/> with Rust's wording when they are not.</summary>
    // Encoding.UTF8 (validated first) rather than a new UTF8Encoding: naming that type loads an extra
    // assembly (System.Text.Encoding.Extensions) on every run.
    protected static string DecodeStrict(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes)
        ? Encoding.UTF8.GetString(bytes)
        : throw new InvalidUtf8Exception(Utf8Error.Describe(bytes) ?? "invalid utf-8");

    /// <summary>Text that is not UTF-8; the message is Rust's <c>Utf8Error</c> text, as Codex prints it.</summary>
    protected sealed class InvalidUtf8Exception(string message) : Exception(message);

    // GetBytes never writes a byte-order mark; lone surrogates become U+FFFD.
    protected static byte[] Encode(string text) => Encoding.UTF8.GetBytes(text);
}
