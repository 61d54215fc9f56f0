namespace Cdx.Sandbox.Tests;

/// <summary>Shorthands for running shell snippets through the in-process runner.</summary>
internal static class Run
{
    public static SandboxPolicy Policy(SandboxMode mode, bool network = false) =>
        new() { Mode = mode, NetworkAccess = network };

    /// <summary>Runs `sh -c SCRIPT` in <paramref name="cwd"/> under <paramref name="policy"/>.</summary>
    public static Task<ExecResult> Sh(string script, string cwd, SandboxPolicy policy, TimeSpan? timeout = null, bool tty = false) =>
        SandboxedProcessRunner.RunAsync(
            new ExecRequest
            {
                Command = ["/bin/sh", "-c", script],
                WorkingDirectory = cwd,
                Policy = policy,
                Timeout = timeout ?? TimeSpan.FromSeconds(30),
                Tty = tty,
            },
            CancellationToken.None);

    /// <summary>Polls (bounded) until no process's command line contains <paramref name="marker"/>; returns the survivors.</summary>
    public static async Task<List<string>> SurvivorsAsync(string marker)
    {
        List<string> found = [];
        for (var i = 0; i < 50; i++)
        {
            found = ProcessesWith(marker);
            if (found.Count == 0)
            {
                return found;
            }
            await Task.Delay(100);
        }
        return found;
    }

    public static List<string> ProcessesWith(string marker)
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _))
            {
                continue;
            }
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var state = stat[(stat.LastIndexOf(')') + 2)..][0];
                if (cmdline.Contains(marker, StringComparison.Ordinal) && state != 'Z')
                {
                    found.Add($"{Path.GetFileName(dir)}: {cmdline}");
                }
            }
            catch (IOException)
            {
            }
        }
        return found;
    }
}
