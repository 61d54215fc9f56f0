using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;

namespace Cdx.Sandbox.Native;

/// <summary>One descriptor the child gets: <see cref="Source"/> (or /dev/null when -1) at <see cref="Target"/>.</summary>
internal readonly record struct FdMapping(int Source, int Target);

/// <summary>Everything posix_spawn needs for one child.</summary>
internal sealed record SpawnSpec
{
    public required string Program { get; init; }
    public required IReadOnlyList<string> Argv { get; init; }
    public required IReadOnlyList<string> Environment { get; init; }
    public string? WorkingDirectory { get; init; }
    public required IReadOnlyList<FdMapping> Fds { get; init; }
    /// <summary>Start a new session (and process group) so a timeout can kill the whole group.</summary>
    public bool NewSession { get; init; }
}

/// <summary>
/// Spawns children with posix_spawn from one long-lived thread. The thread matters: bwrap's
/// --die-with-parent uses PR_SET_PDEATHSIG, which fires when the *thread* that forked exits, and
/// .NET retires idle thread-pool threads; a dedicated thread lives as long as the process.
/// Every descriptor not listed in the spec is closed in the child (closefrom), so nothing cdx
/// inherited or opened leaks into the sandbox.
/// </summary>
internal static unsafe class NativeSpawn
{
    private static readonly BlockingCollection<(SpawnSpec Spec, TaskCompletionSource<int> Done)> Queue = new();
    private static readonly Lazy<Thread> SpawnThread = new(StartThread);

    /// <summary>Spawns the child and returns its pid; throws <see cref="SandboxException"/> on failure.</summary>
    public static Task<int> SpawnAsync(SpawnSpec spec)
    {
        _ = SpawnThread.Value;
        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add((spec, done));
        return done.Task;
    }

    private static Thread StartThread()
    {
        var thread = new Thread(() =>
        {
            foreach (var (spec, done) in Queue.GetConsumingEnumerable())
            {
                try
                {
                    done.SetResult(SpawnNow(spec));
                }
                catch (Exception ex)
                {
                    done.SetException(ex);
                }
            }
        })
        {
            IsBackground = true,
            Name = "cdx-spawn",
        };
        thread.Start();
        return thread;
    }

    private static int SpawnNow(SpawnSpec spec)
    {
        var allocations = new List<nint>();
        var raised = new List<int>();
        var fa = NativeMemory.AllocZeroed(1024);
        var attr = NativeMemory.AllocZeroed(1024);
        var sigset = NativeMemory.AllocZeroed(256);
        try
        {
            Check(Libc.posix_spawn_file_actions_init(fa), "posix_spawn_file_actions_init");
            Check(Libc.posix_spawnattr_init(attr), "posix_spawnattr_init");
            var maxTarget = 2;
            foreach (var map in spec.Fds)
            {
                maxTarget = Math.Max(maxTarget, map.Target);
                if (map.Source < 0)
                {
                    var devnull = Utf8(allocations, "/dev/null");
                    Check(Libc.posix_spawn_file_actions_addopen(fa, map.Target, devnull, Libc.O_RDWR, 0), "addopen");
                }
                else if (map.Source != map.Target)
                {
                    // Move low sources out of the way so one dup2 cannot clobber another's source.
                    var source = map.Source;
                    if (source <= 64)
                    {
                        source = Libc.fcntl(map.Source, Libc.F_DUPFD_CLOEXEC, 65);
                        if (source < 0)
                        {
                            throw new SandboxException($"cannot duplicate descriptor {map.Source}: {Libc.LastError()}.");
                        }
                        raised.Add(source);
                    }
                    Check(Libc.posix_spawn_file_actions_adddup2(fa, source, map.Target), "adddup2");
                }
            }
            Check(Libc.posix_spawn_file_actions_addclosefrom_np(fa, maxTarget + 1), "addclosefrom_np");
            if (spec.WorkingDirectory is not null)
            {
                Check(Libc.posix_spawn_file_actions_addchdir_np(fa, Utf8(allocations, spec.WorkingDirectory)), "addchdir_np");
            }

            short flags = Libc.POSIX_SPAWN_SETSIGDEF | Libc.POSIX_SPAWN_SETSIGMASK;
            if (spec.NewSession)
            {
                flags |= Libc.POSIX_SPAWN_SETSID;
            }
            Check(Libc.posix_spawnattr_setflags(attr, flags), "setflags");
            Libc.sigemptyset(sigset);
            Check(Libc.posix_spawnattr_setsigmask(attr, sigset), "setsigmask");
            // Reset every signal the runtime handles (SIGPIPE is ignored by .NET) to its default.
            Libc.sigfillset(sigset);
            Check(Libc.posix_spawnattr_setsigdefault(attr, sigset), "setsigdefault");

            var argv = StringArray(allocations, spec.Argv);
            var envp = StringArray(allocations, spec.Environment);
            int pid;
            var rc = Libc.posix_spawn(&pid, Utf8(allocations, spec.Program), fa, attr, argv, envp);
            if (rc != 0)
            {
                throw new SandboxException(
                    $"cannot start {spec.Program}: {Marshal.GetPInvokeErrorMessage(rc)}.");
            }
            return pid;
        }
        finally
        {
            Libc.posix_spawn_file_actions_destroy(fa);
            Libc.posix_spawnattr_destroy(attr);
            NativeMemory.Free(fa);
            NativeMemory.Free(attr);
            NativeMemory.Free(sigset);
            foreach (var p in allocations)
            {
                NativeMemory.Free((void*)p);
            }
            foreach (var fd in raised)
            {
                Libc.close(fd);
            }
        }
    }

    private static void Check(int rc, string what)
    {
        if (rc != 0)
        {
            throw new SandboxException($"cannot prepare the child process ({what}): {Marshal.GetPInvokeErrorMessage(rc)}.");
        }
    }

    private static byte* Utf8(List<nint> allocations, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new SandboxException("a command argument or environment value contains a NUL byte; remove it.");
        }
        var p = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
        bytes.CopyTo(new Span<byte>(p, bytes.Length));
        p[bytes.Length] = 0;
        allocations.Add((nint)p);
        return p;
    }

    private static byte** StringArray(List<nint> allocations, IReadOnlyList<string> items)
    {
        var arr = (byte**)NativeMemory.AllocZeroed((nuint)(items.Count + 1), (nuint)sizeof(nint));
        allocations.Add((nint)arr);
        for (var i = 0; i < items.Count; i++)
        {
            arr[i] = Utf8(allocations, items[i]);
        }
        return arr;
    }
}
