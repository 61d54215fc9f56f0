using System.Diagnostics;
using System.Runtime.InteropServices;
using Cdx.Testing;

namespace Cdx.Sandbox.Tests.Escapes;

/// <summary>
/// Attempts to outlive the command, inherit cdx's descriptors, or type into the user's terminal.
/// </summary>
public sealed partial class ProcessEscapeTests : Hostile
{
    [Fact]
    public async Task Descriptors_cdx_leaves_open_are_not_inherited()
    {
        // A descriptor opened without O_CLOEXEC, as a careless library in cdx's process might.
        var leaked = open("/etc/hostname", 0);
        Assert.True(leaked > 2);
        try
        {
            var r = await Py("""
                import re
                for fd in sorted(int(f) for f in os.listdir("/proc/self/fd")):
                    try: target = os.readlink("/proc/self/fd/%d" % fd)
                    except OSError: continue  # listdir's own descriptor, closed by now
                    if not re.fullmatch(r"/proc/\d+/fd", target):
                        print("fd=%d %s" % (fd, target))
                """);
            Assert.True(r.ExitCode == 0, r.Output);
            var fds = r.Output.Split('\n').Where(l => l.StartsWith("fd=", StringComparison.Ordinal)).Select(l => l.Split(' ')[0]).ToList();
            Assert.DoesNotContain("hostname", r.Output);
            Assert.Equal(["fd=0", "fd=1", "fd=2"], fds);
        }
        finally
        {
            close(leaked);
        }
    }

    [Fact]
    public async Task Terminal_input_injection_with_tiocsti_is_denied()
    {
        var r = await Py("""
            import fcntl, termios
            if not os.isatty(0): print("no tty"); sys.exit(4)
            try:
                fcntl.ioctl(0, termios.TIOCSTI, b"x"); escaped("TIOCSTI")
            except OSError as e: blocked(e)
            """, tty: true);
        AssertBlocked(r);
        Assert.Contains("blocked", r.Output);
    }

    [Fact]
    public async Task A_double_forked_daemon_ignoring_signals_dies_with_the_timeout()
    {
        var r = await Py($"""
            import signal, time
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT): signal.signal(s, signal.SIG_IGN)
                    os.execv("/bin/sh", ["{Marker}-daemon", "-c", "echo daemon-up; trap '' TERM HUP; while :; do sleep 1; done"])
                os._exit(0)
            print("forked", flush=True)
            time.sleep(300)
            """, timeout: TimeSpan.FromSeconds(2));
        Assert.True(r.TimedOut);
        Assert.Contains("daemon-up", r.Output);
        Assert.Empty(await Run.SurvivorsAsync(Marker));
    }

    [Theory]
    [InlineData("workspace-write")]
    [InlineData("read-only")]
    public async Task Nothing_survives_when_the_cdx_process_is_sigkilled(string mode)
    {
        var script =
            $"setsid bash -c 'exec -a {Marker}-a sleep 300' & " +
            $"(trap '' TERM HUP; exec -a {Marker}-b sleep 300) & " +
            $"nohup bash -c 'exec -a {Marker}-c sleep 300' >/dev/null 2>&1 & wait";
        var psi = new ProcessStartInfo(RepoPaths.CdxWrapper)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Dirs.Workspace,
        };
        foreach (var a in new[] { "sandbox", "-s", mode, "--", "/bin/bash", "-c", script })
        {
            psi.ArgumentList.Add(a);
        }
        using var cdx = Process.Start(psi)!;
        try
        {
            // Count only the sleepers (their argv[0] starts with the marker), not bwrap's or bash's argv.
            int Sleepers() => Run.ProcessesWith(Marker).Count(p => p.Contains($": {Marker}-", StringComparison.Ordinal));
            for (var i = 0; i < 300 && Sleepers() < 3 && !cdx.HasExited; i++)
            {
                await Task.Delay(100);
            }
            Assert.Equal(3, Sleepers());
        }
        finally
        {
            Assert.Equal(0, kill(cdx.Id, 9));
            await cdx.WaitForExitAsync();
        }
        Assert.Empty(await Run.SurvivorsAsync(Marker));
        if (mode == "workspace-write")
        {
            // The killed cdx could not remove its mount-point placeholders; the next command does.
            Assert.True(PlaceholderRegistry.IsTagged(Dirs.Ws(".codex")), "expected the killed run's placeholder");
            Assert.Equal(0, (await Sh("true")).ExitCode);
            foreach (var name in new[] { ".git", ".codex", ".agents" })
            {
                Assert.False(Directory.Exists(Dirs.Ws(name)), $"{name} placeholder left behind");
            }
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
