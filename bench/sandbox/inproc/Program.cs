using System.Diagnostics;
using Cdx.Sandbox;

// Usage: SandboxBench RUNS MODE — runs `true` RUNS times through SandboxedProcessRunner after one
// warm-up run and prints one wall time in milliseconds per line.
var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
var mode = args.Length > 1 && SandboxModes.TryParse(args[1], out var m) ? m : SandboxMode.WorkspaceWrite;
var request = new ExecRequest
{
    Command = ["true"],
    WorkingDirectory = Environment.CurrentDirectory,
    Policy = new SandboxPolicy { Mode = mode },
    Timeout = TimeSpan.FromSeconds(30),
};
await SandboxedProcessRunner.RunAsync(request, CancellationToken.None);
for (var i = 0; i < runs; i++)
{
    var sw = Stopwatch.StartNew();
    var r = await SandboxedProcessRunner.RunAsync(request, CancellationToken.None);
    sw.Stop();
    if (r.ExitCode != 0)
    {
        Console.Error.WriteLine($"SandboxBench: `true` exited {r.ExitCode}: {r.Output}");
        return 1;
    }
    Console.WriteLine(sw.Elapsed.TotalMilliseconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
}
return 0;
