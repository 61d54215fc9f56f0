using System.Text;
using Cdx.Toml.Editing;
using Cdx.Toml.Parsing;

namespace Cdx.Toml;

/// <summary>
/// Format-preserving edits of a TOML document: each Set/Remove splices only the bytes of the
/// affected entry, so comments, ordering and spacing elsewhere stay exactly as they were.
/// </summary>
public sealed partial class TomlEditor
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string? _sourcePath;
    private string _text;
    private TomlTable _document;
    private SyntaxMap _map;

    private TomlEditor(string text, string? sourcePath)
    {
        _sourcePath = sourcePath;
        _text = text;
        (_document, _map) = Analyse(text, sourcePath);
    }

    /// <summary>The current full text.</summary>
    public string Text => _text;

    /// <summary>The current document as parsed from <see cref="Text"/>.</summary>
    public TomlTable Document => _document;

    /// <summary>Opens <paramref name="text"/> for editing; throws TomlParseException when it is not valid TOML.</summary>
    public static TomlEditor Parse(string text, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TomlEditor(text, sourcePath);
    }

    /// <summary>Opens the file at <paramref name="path"/>; a missing file is an empty document.</summary>
    public static TomlEditor Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return new TomlEditor("", path);
        }
        return new TomlEditor(TomlParser.DecodeUtf8(File.ReadAllBytes(path), path), path);
    }

    /// <summary>Writes <see cref="Text"/> to <paramref name="path"/> atomically (temp file, fsync, rename).</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var target = ResolveFinalPath(Path.GetFullPath(path));
        var directory = Path.GetDirectoryName(target) ?? throw new IOException($"cannot save to {path}: it has no parent directory");
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Utf8NoBom.GetBytes(_text));
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                // Keep the owner's permissions (config files may hold secrets and be 0600).
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            }
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Sets the value at <paramref name="keyPath"/>, creating tables as needed; replaces an existing value.</summary>
    public void Set(IReadOnlyList<string> keyPath, TomlValue value)
    {
        ValidatePath(keyPath);
        ArgumentNullException.ThrowIfNull(value);
        var (text, document, map) = (_text, _document, _map);
        try
        {
            var edit = PlanSet(keyPath, value);
            Apply(edit.Start, edit.End, edit.Replacement);
        }
        catch
        {
            // Replacing a table is remove-then-insert; a failure leaves the document as it was.
            (_text, _document, _map) = (text, document, map);
            throw;
        }
    }

    /// <summary>Removes the value or table at <paramref name="keyPath"/>; false when it does not exist.</summary>
    public bool Remove(IReadOnlyList<string> keyPath)
    {
        ValidatePath(keyPath);
        var ranges = PlanRemove(keyPath);
        if (ranges is null)
        {
            return false;
        }
        var sb = new StringBuilder(_text.Length);
        var at = 0;
        foreach (var (start, end) in ranges)
        {
            sb.Append(_text, at, start - at);
            at = end;
        }
        sb.Append(_text, at, _text.Length - at);
        Commit(sb.ToString());
        return true;
    }

    private static (TomlTable Document, SyntaxMap Map) Analyse(string text, string? sourcePath)
    {
        var map = new SyntaxMap();
        var document = new TomlReader(text, sourcePath, map).ParseDocument();
        return (document, map);
    }

    private void Apply(int start, int end, string replacement) =>
        Commit(string.Concat(_text.AsSpan(0, start), replacement, _text.AsSpan(end)));

    /// <summary>Adopts <paramref name="text"/> only if it parses; an edit never leaves invalid TOML behind.</summary>
    private void Commit(string text)
    {
        try
        {
            (_document, _map) = Analyse(text, _sourcePath);
        }
        catch (TomlParseException ex)
        {
            throw new TomlEditException($"the edit would make the document invalid ({ex.Reason}); the document was left unchanged");
        }
        _text = text;
    }

    private static void ValidatePath(IReadOnlyList<string> keyPath)
    {
        ArgumentNullException.ThrowIfNull(keyPath);
        if (keyPath.Count == 0)
        {
            throw new ArgumentException("the key path is empty; name at least one key", nameof(keyPath));
        }
        foreach (var part in keyPath)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(keyPath));
        }
    }

    private static string ResolveFinalPath(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path : path;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
