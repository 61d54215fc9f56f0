using System.Text;

namespace Cdx.Toml.Tests;

/// <summary>
/// Seeded random damage to TOML bytes: the kinds of mistakes hands and tools make (a stray or
/// flipped byte, a lost or added bracket/quote/newline, a cut-off file, a pasted line twice).
/// </summary>
internal sealed class TomlMutator(int seed)
{
    // Characters that change how TOML is read, plus multi-character openers and CR/LF.
    private static readonly string[] Significant =
    [
        "[", "]", "[[", "]]", "{", "}", "=", "\"", "'", "\"\"\"", "'''", "#", ",", ".", "\n", "\r", "\r\n", "\t",
        " ", "\\", "\\u", "\\U", "+", "-", "_", ":", "T", "Z", "z", "e", "0", "1", "x", "inf", "nan", "1979-05-27",
        "\u00e9", "\uFEFF", "\0", "\u007F",
    ];

    private readonly Random _random = new(seed);

    /// <summary>Applies 1-4 mutations; <paramref name="steps"/> describes them for a failure message.</summary>
    public byte[] Mutate(byte[] source, byte[] other, List<string> steps)
    {
        var bytes = new List<byte>(source);
        var count = 1 + _random.Next(4);
        for (var i = 0; i < count; i++)
        {
            steps.Add(MutateOnce(bytes, other));
        }
        return [.. bytes];
    }

    private string MutateOnce(List<byte> b, byte[] other)
    {
        var at = _random.Next(b.Count + 1);
        switch (_random.Next(7))
        {
            case 0 when b.Count > 0:
            {
                at = Math.Min(at, b.Count - 1);
                var old = b[at];
                // Half the time a single bit (stays close to valid), else any byte (invalid UTF-8 too).
                b[at] = _random.Next(2) == 0 ? (byte)(old ^ (1 << _random.Next(8))) : (byte)_random.Next(256);
                return $"flip@{at} 0x{old:X2}->0x{b[at]:X2}";
            }
            case 1 when b.Count > 0:
            {
                at = Math.Min(at, b.Count - 1);
                var length = Math.Min(1 + _random.Next(8), b.Count - at);
                b.RemoveRange(at, length);
                return $"delete@{at}+{length}";
            }
            case 2:
            {
                var text = Significant[_random.Next(Significant.Length)];
                b.InsertRange(at, Encoding.UTF8.GetBytes(text));
                return $"insert@{at} {Escape(text)}";
            }
            case 3:
                b.RemoveRange(at, b.Count - at);
                return $"truncate@{at}";
            case 4:
            {
                var (start, end) = LineAround(b, Math.Min(at, Math.Max(0, b.Count - 1)));
                b.InsertRange(end, b.GetRange(start, end - start));
                return $"duplicate-line@{start}..{end}";
            }
            case 5 when other.Length > 0:
            {
                // A line from another document pasted in: new keys and headers, possibly clashing.
                var (start, end) = LineAround([.. other], _random.Next(other.Length));
                var (lineStart, _) = LineAround(b, Math.Min(at, Math.Max(0, b.Count - 1)));
                b.InsertRange(lineStart, other.AsSpan(start, end - start).ToArray());
                return $"paste-line@{lineStart} {Escape(Encoding.UTF8.GetString(other, start, end - start))}";
            }
            default:
            {
                var (start, end) = LineAround(b, Math.Min(at, Math.Max(0, b.Count - 1)));
                b.RemoveRange(start, end - start);
                return $"delete-line@{start}..{end}";
            }
        }
    }

    /// <summary>The line holding <paramref name="index"/>, including its line feed.</summary>
    private static (int Start, int End) LineAround(List<byte> b, int index)
    {
        if (b.Count == 0)
        {
            return (0, 0);
        }
        var start = index;
        while (start > 0 && b[start - 1] != (byte)'\n')
        {
            start--;
        }
        var end = index;
        while (end < b.Count && b[end] != (byte)'\n')
        {
            end++;
        }
        return (start, Math.Min(b.Count, end + 1));
    }

    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c < 0x20 || c == 0x7F || char.IsSurrogate(c) || c == '\uFEFF' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
