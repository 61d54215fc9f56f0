using System.Text;

namespace Cdx.Core.Context;

/// <summary>
/// AGENTS.md discovery (spec agents-md.md): the first non-empty global file, then at most one file
/// per directory from the project root down to cwd within the `project_doc_max_bytes` budget.
/// </summary>
public static class AgentsMd
{
    private const string OverrideName = "AGENTS.override.md";
    private const string DefaultName = "AGENTS.md";
    private const string ProjectSeparator = "\n\n--- project-doc ---\n\n";

    /// <summary>The header the model sees before the instructions.</summary>
    public static string Render(string cwd, string text) =>
        $"# AGENTS.md instructions for {cwd}\n\n<INSTRUCTIONS>\n{text}\n</INSTRUCTIONS>";

    /// <summary>Finds and assembles the instructions for <paramref name="cwd"/>.</summary>
    public static AgentsMdResult Load(string cwd, AgentsMdOptions options)
    {
        var warnings = new List<string>();
        var files = new List<string>();
        var global = LoadGlobal(options.CodexHome, warnings, files);
        var project = new List<string>();
        if (options.ProjectDocMaxBytes > 0)
        {
            try
            {
                project = LoadProject(cwd, options, warnings, files);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                warnings.Add($"error trying to find AGENTS.md docs: {e.Message}; continuing without project instructions.");
            }
        }
        var sb = new StringBuilder();
        if (global is not null)
        {
            sb.Append(global);
        }
        for (var i = 0; i < project.Count; i++)
        {
            sb.Append(i == 0 ? (global is not null ? ProjectSeparator : "") : "\n\n").Append(project[i]);
        }
        return new AgentsMdResult(sb.Length == 0 && global is null && project.Count == 0 ? null : sb.ToString(), files, warnings);
    }

    /// <summary>The directories searched: project root (nearest marker) down to cwd, or only cwd.</summary>
    public static IReadOnlyList<string> SearchDirectories(string cwd, IReadOnlyList<string> markers)
    {
        var start = Path.GetFullPath(cwd);
        var chain = new List<string>();
        for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            chain.Add(dir);
            if (markers.Any(m => m.Length > 0 && (File.Exists(Path.Combine(dir, m)) || Directory.Exists(Path.Combine(dir, m)))))
            {
                chain.Reverse();
                return chain;
            }
        }
        return [start];
    }

    private static string? LoadGlobal(string codexHome, List<string> warnings, List<string> files)
    {
        foreach (var name in new[] { OverrideName, DefaultName })
        {
            var path = Path.Combine(codexHome, name);
            if (!File.Exists(path))
            {
                continue;
            }
            try
            {
                var text = Decode(File.ReadAllBytes(path), path, warnings).Trim();
                if (text.Length > 0)
                {
                    files.Add(path);
                    return text;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                warnings.Add($"Failed to read global AGENTS.md instructions from `{path}`: {e.Message}");
            }
        }
        return null;
    }

    private static List<string> LoadProject(string cwd, AgentsMdOptions options, List<string> warnings, List<string> files)
    {
        var names = new List<string> { OverrideName, DefaultName };
        foreach (var n in options.FallbackFilenames)
        {
            if (n.Length > 0 && !names.Contains(n, StringComparer.Ordinal))
            {
                names.Add(n);
            }
        }
        var remaining = options.ProjectDocMaxBytes;
        var texts = new List<string>();
        foreach (var dir in SearchDirectories(cwd, options.RootMarkers))
        {
            if (remaining <= 0)
            {
                break;
            }
            // The first existing regular file wins for the directory, even if it turns out empty.
            var selected = names.Select(n => Path.Combine(dir, n)).FirstOrDefault(File.Exists);
            if (selected is null)
            {
                continue;
            }
            byte[] data;
            try
            {
                data = File.ReadAllBytes(selected);
            }
            catch (FileNotFoundException)
            {
                continue;
            }
            var used = data.Length > remaining ? data.AsSpan(0, (int)remaining).ToArray() : data;
            var text = Decode(used, selected, warnings, validateOn: data);
            if (text.Trim().Length == 0)
            {
                continue;
            }
            texts.Add(text);
            files.Add(selected);
            remaining -= used.Length;
        }
        return texts;
    }

    private static string Decode(byte[] bytes, string path, List<string> warnings, byte[]? validateOn = null)
    {
        try
        {
            new UTF8Encoding(false, true).GetString(validateOn ?? bytes);
        }
        catch (DecoderFallbackException)
        {
            warnings.Add($"{path} is not valid UTF-8; invalid bytes were replaced with U+FFFD.");
        }
        return Encoding.UTF8.GetString(bytes);
    }
}
