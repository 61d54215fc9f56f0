using System.Text;

namespace Cdx.Toml.Tests;

/// <summary>Built-in valid documents covering every TOML feature, so mutation tests run without ../shared.</summary>
internal static class SeedDocuments
{
    private const string CodexConfig = """
        # Codex-style configuration
        model = "gpt-5"          # default model
        approval_policy = "on-request"
        sandbox_mode = "workspace-write"
        notify = ["notify-send", "--app-name=codex"]

        [sandbox_workspace_write]
        writable_roots = ["/tmp", '/var/tmp']
        network_access = false

        [model_providers.local]
        name = "Local \"dev\" server"
        base_url = "http://127.0.0.1:8080/v1"
        http_headers = { "X-Trace" = "on", Accept = 'application/json' }
        request_max_retries = 4
        stream_idle_timeout_ms = 300_000

        [mcp_servers.docs]
        command = "npx"
        args = ["-y", "@acme/docs-mcp", "--root=C:\\work"]
        env = { TOKEN = "abc", LEVEL.deep = 1 }

        [profiles.fast]
        model = "o4-mini"
        model_reasoning_effort = "low"

        [projects."/home/me/repo"]
        trust_level = "trusted"
        """;

    private const string Values = """
        str = "tab\there \u00e9 \U0001F600 quote\" back\\"
        lit = 'C:\Users\nope'
        ml = \"\"\"
        first line \
          continued
        "quoted" and ""two""\"\"\"
        mll = '''
        raw \n text
        '''
        int = [+99, 42, 0, -17, 1_000, 0xDEAD_beef, 0o755, 0b1101_0101, 9223372036854775807, -9223372036854775808]
        flt = [1.0, 3.1415, -0.01, 5e+22, 1e06, -2E-2, 6.626e-34, 224_617.445_991, inf, -inf, +nan, -0.0]
        bool = [true, false]
        odt = 1979-05-27T07:32:00Z
        odt2 = 1979-05-27T00:32:00.999999-07:00
        odt3 = 1979-05-27 07:32:00+05:30
        ldt = 1979-05-27T07:32:00.5
        ld = 1979-05-27
        lt = 00:32:00.999
        nested = [[1, 2], ["a", 'b'], [{ x = 1 }, { y = [] }], []]
        dotted.key."quoted part".x = 1
        dotted.key.other = { a = { b = { c = 1 } } }
        """;

    private const string Tables = """
        title = "tables"

        [a.b.c]
        d = 1

        [a]
        e = 2 # defining a super-table after its child is allowed

        [[fruit]]
        name = "apple"
          [fruit.physical]
          color = "red"
          [[fruit.variety]]
          name = "red delicious"
          [[fruit.variety]]
          name = "granny smith"

        [[fruit]]
        name = "banana"

        [ dog . "tater.man" ]
        type.name = "pug"

        ["key with spaces"]
        'single' = 1
        "" = "empty key"
        1234 = "bare digits"
        -_ = "dash"
        """;

    public static IReadOnlyList<(string Name, byte[] Bytes)> All { get; } =
    [
        ("seed/codex-config.toml", Encoding.UTF8.GetBytes(CodexConfig.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n")),
        ("seed/values.toml", Encoding.UTF8.GetBytes(Values.Replace("\\\"\\\"\\\"", "\"\"\"", StringComparison.Ordinal) + "\n")),
        ("seed/tables.toml", Encoding.UTF8.GetBytes(Tables.Replace("\n", "\r\n", StringComparison.Ordinal))),
    ];
}
