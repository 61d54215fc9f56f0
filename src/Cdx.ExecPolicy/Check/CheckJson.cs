using System.Text;
using Cdx.ExecPolicy.Rules;

namespace Cdx.ExecPolicy.Check;

/// <summary>
/// Renders `execpolicy check` results byte-for-byte like Codex: compact or 2-space pretty JSON,
/// keys in Codex's order, `resolvedProgram`/`justification` only when present, top-level
/// `decision` only when something matched.
/// </summary>
public static class CheckJson
{
    /// <summary>Formats the matches (without a trailing newline).</summary>
    public static string Format(IReadOnlyList<RuleMatch> matches, bool pretty)
    {
        var w = new Writer(pretty);
        w.BeginObject();
        w.Key("matchedRules");
        w.BeginArray(matches.Count == 0);
        foreach (var m in matches)
        {
            w.Item();
            w.BeginObject();
            w.Key("prefixRuleMatch");
            w.BeginObject();
            w.Key("matchedPrefix");
            w.BeginArray(m.MatchedPrefix.Count == 0);
            foreach (var token in m.MatchedPrefix)
            {
                w.Item();
                w.String(token);
            }
            w.EndArray(m.MatchedPrefix.Count == 0);
            w.Key("decision");
            w.String(m.Decision.ToText());
            if (m.ResolvedProgram is not null)
            {
                w.Key("resolvedProgram");
                w.String(m.ResolvedProgram);
            }
            if (m.Justification is not null)
            {
                w.Key("justification");
                w.String(m.Justification);
            }
            w.EndObject();
            w.EndObject();
        }
        w.EndArray(matches.Count == 0);
        if (matches.Count > 0)
        {
            w.Key("decision");
            w.String(matches.Max(m => m.Decision).ToText());
        }
        w.EndObject();
        return w.ToString();
    }

    private sealed class Writer(bool pretty)
    {
        private readonly StringBuilder _sb = new();
        private readonly Stack<bool> _first = new();
        private int _depth;

        public void BeginObject()
        {
            _sb.Append('{');
            _depth++;
            _first.Push(true);
        }

        public void EndObject()
        {
            _depth--;
            _first.Pop();
            Newline();
            _sb.Append('}');
        }

        public void BeginArray(bool empty)
        {
            _sb.Append('[');
            _depth++;
            _first.Push(true);
            _ = empty;
        }

        public void EndArray(bool empty)
        {
            _depth--;
            _first.Pop();
            if (!empty)
            {
                Newline();
            }
            _sb.Append(']');
        }

        public void Key(string key)
        {
            Item();
            String(key);
            _sb.Append(pretty ? ": " : ":");
        }

        public void Item()
        {
            if (!_first.Peek())
            {
                _sb.Append(',');
            }
            _first.Pop();
            _first.Push(false);
            Newline();
        }

        private void Newline()
        {
            if (pretty)
            {
                _sb.Append('\n').Append(' ', _depth * 2);
            }
        }

        public void String(string s)
        {
            _sb.Append('"');
            foreach (var c in s)
            {
                switch (c)
                {
                    case '"': _sb.Append("\\\""); break;
                    case '\\': _sb.Append("\\\\"); break;
                    case '\n': _sb.Append("\\n"); break;
                    case '\r': _sb.Append("\\r"); break;
                    case '\t': _sb.Append("\\t"); break;
                    case '\b': _sb.Append("\\b"); break;
                    case '\f': _sb.Append("\\f"); break;
                    case < ' ': _sb.Append($"\\u{(int)c:x4}"); break;
                    default: _sb.Append(c); break;
                }
            }
            _sb.Append('"');
        }

        public override string ToString() => _sb.ToString();
    }
}
