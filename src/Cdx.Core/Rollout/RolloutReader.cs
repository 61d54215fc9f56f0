using System.Text;
using Cdx.Protocol.Rollout;

namespace Cdx.Core.Rollout;

/// <summary>What a rollout file holds: its meta, its valid lines and how many lines were skipped.</summary>
public sealed record RolloutContents(SessionMeta? Meta, IReadOnlyList<RolloutLine> Lines, int SkippedLines)
{
    /// <summary>The ordinal the next appended line gets.</summary>
    public long NextOrdinal => Lines.Count == 0 ? 0 : (Lines.Max(l => l.Ordinal ?? -1) + 1) is var n && n > 0 ? n : Lines.Count;
}

/// <summary>Reads rollout files, skipping torn and unknown lines as Codex does.</summary>
public static class RolloutReader
{
    /// <summary>Reads every parseable line of <paramref name="path"/>.</summary>
    public static async Task<RolloutContents> ReadAsync(string path, CancellationToken ct)
    {
        var lines = new List<RolloutLine>();
        var skipped = 0;
        SessionMeta? meta = null;
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, useAsync: true);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            if (text.Length == 0)
            {
                continue;
            }
            var line = RolloutJson.TryParse(text);
            if (line is null)
            {
                skipped++;
                continue;
            }
            if (meta is null && line.Type == RolloutTypes.SessionMeta)
            {
                meta = RolloutJson.ReadSessionMeta(line.Payload);
            }
            lines.Add(line);
        }
        return new RolloutContents(meta, lines, skipped);
    }

    /// <summary>Reads only the first line's `session_meta` (cheap listing); null when the file doesn't start with one.</summary>
    public static SessionMeta? ReadMeta(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var first = reader.ReadLine();
            return first is not null && RolloutJson.TryParse(first) is { Type: RolloutTypes.SessionMeta } line
                ? RolloutJson.ReadSessionMeta(line.Payload)
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
