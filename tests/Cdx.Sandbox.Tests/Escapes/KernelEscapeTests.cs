using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Cdx.Sandbox.Tests.Escapes;

/// <summary>
/// Attempts on kernel interfaces that matter when cdx runs as root: sysctls, sysfs, the kernel
/// log, keyrings, SysV IPC, ptrace, io_uring, namespaces, mounts and the 32-bit syscall ABI.
/// </summary>
public sealed partial class KernelEscapeTests : Hostile
{
    // Calls a 32-bit (int 0x80) syscall from this 64-bit process; pointer args must be below 4 GiB.
    private const string Int80 = """
        import mmap
        def int80(nr, a=0, b=0, c=0):
            m = mmap.mmap(-1, 4096, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | 0x40,
                          prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
            le = lambda v: (v & 0xffffffff).to_bytes(4, 'little')
            m.write(b'\x53\xb8' + le(nr) + b'\xbb' + le(a) + b'\xb9' + le(b) + b'\xba' + le(c) + b'\xcd\x80\x5b\xc3')
            f = ctypes.CFUNCTYPE(ctypes.c_int)(ctypes.addressof(ctypes.c_char.from_buffer(m)))
            return f()

        """;

    [Fact]
    public async Task Sysctls_cannot_be_written_even_as_root()
    {
        var before = File.ReadAllText("/proc/sys/vm/swappiness");
        // Writing the current value back: harmless if it ever succeeded, but it must not.
        AssertBlocked(await Sh("v=$(cat /proc/sys/vm/swappiness) && echo $v > /proc/sys/vm/swappiness && echo ESCAPED"));
        Assert.Equal(before, File.ReadAllText("/proc/sys/vm/swappiness"));
    }

    [Fact]
    public async Task Sysfs_and_cgroup_files_cannot_be_written()
    {
        AssertBlocked(await Sh(
            $"touch /sys/{Marker} && echo ESCAPED; for f in /sys/fs/cgroup/cgroup.procs /sys/fs/cgroup/*/cgroup.procs; do " +
            "[ -e $f ] && echo 1 > $f && echo ESCAPED $f; done; exit 1"));
        Assert.False(File.Exists($"/sys/{Marker}"));
    }

    [Fact]
    public async Task The_kernel_log_can_be_neither_read_nor_written()
    {
        var r = await Py($$"""
            rc, e = sc(103, 10, 0, 0)  # syslog(SYSLOG_ACTION_SIZE_BUFFER)
            if rc >= 0: escaped("syslog")
            try:
                open('/proc/kmsg', 'rb').read(1); escaped("/proc/kmsg")
            except OSError: pass
            import stat
            if os.path.exists('/dev/kmsg') and stat.S_ISCHR(os.stat('/dev/kmsg').st_mode):
                try:
                    with open('/dev/kmsg', 'w') as k: k.write('{{Marker}}\n')
                    escaped("/dev/kmsg")
                except OSError: pass
            blocked("kernel log")
            """);
        AssertBlocked(r);
        Assert.DoesNotContain(Marker, await HostKernelLogAsync());
    }

    [Fact]
    public async Task Host_keyrings_are_unreachable()
    {
        var r = await Py($$"""
            rc, e = sc(250, 0, -3, 0)  # keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING)
            if rc >= 0: escaped("keyctl %d" % rc)
            rc, e = sc(248, ctypes.addressof(ctypes.create_string_buffer(b"user")),
                       ctypes.addressof(ctypes.create_string_buffer(b"{{Marker}}")),
                       ctypes.addressof(ctypes.create_string_buffer(b"x")), 1, -3)
            if rc >= 0: escaped("add_key")
            blocked("keyrings errno %d" % e)
            """);
        AssertBlocked(r);
        Assert.DoesNotContain(Marker, File.ReadAllText("/proc/keys"));
    }

    [Fact]
    public async Task Host_sysv_shared_memory_is_invisible_and_sandbox_segments_do_not_leak()
    {
        var hostKey = Random.Shared.Next(0x100000, 0x7fffffff);
        var leakKey = hostKey ^ 0x5a5a;
        var shmid = shmget(hostKey, 4096, 0x200 | 0x180 /* IPC_CREAT|0600 */);
        Assert.True(shmid >= 0, "the test could not create its host segment");
        try
        {
            var r = await Py($"""
                libc.shmget.restype = ctypes.c_int
                if libc.shmget({hostKey}, 0, 0) >= 0: escaped("host segment visible")
                libc.shmget({leakKey}, 4096, 0o1600)
                blocked("sysv")
                """);
            AssertBlocked(r);
            Assert.True(shmget(leakKey, 0, 0) < 0, "a segment created inside the sandbox is visible on the host");
        }
        finally
        {
            shmctl(shmid, 0 /* IPC_RMID */, 0);
        }
    }

    [Fact]
    public async Task Host_processes_can_be_neither_traced_nor_signalled()
    {
        using var victim = Process.Start(new ProcessStartInfo("/bin/sleep", "300") { UseShellExecute = false })!;
        try
        {
            var pid = victim.Id;
            var r = await Py($"""
                rc, e = sc(101, 16, {pid}, 0, 0)  # PTRACE_ATTACH
                if rc == 0: escaped("ptrace attach")
                rc, e = sc(101, 0, 0, 0, 0)  # PTRACE_TRACEME
                if rc == 0: escaped("ptrace traceme")
                try:
                    os.kill({pid}, 19); escaped("SIGSTOP host process")
                except OSError: pass
                blocked("ptrace")
                """);
            AssertBlocked(r);
            Assert.False(victim.HasExited);
            var state = File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1][0];
            Assert.NotEqual('t', state);
            Assert.NotEqual('T', state);
        }
        finally
        {
            victim.Kill();
        }
    }

    [Fact]
    public async Task Io_uring_is_denied()
    {
        var r = await Py("""
            params = ctypes.create_string_buffer(120)
            rc, e = sc(425, 8, ctypes.addressof(params))
            if rc >= 0: escaped("io_uring_setup")
            blocked("io_uring errno %d" % e)
            """);
        AssertBlocked(r);
        Assert.Contains("errno 1", r.Output);
    }

    [Fact]
    public async Task New_user_and_mount_namespaces_cannot_be_created()
    {
        AssertBlocked(await Sh("unshare -r id && echo ESCAPED; unshare -m true && echo ESCAPED; unshare -U -m -n true && echo ESCAPED; exit 1"));
        var r = await Py("""
            for flags in (0x10000000, 0x00020000, 0x40000000):  # NEWUSER NEWNS NEWNET
                rc, e = sc(272, flags)
                if rc == 0: escaped("unshare %x" % flags)
            blocked("unshare")
            """);
        AssertBlocked(r);
    }

    [Fact]
    public async Task Mount_and_chroot_fail()
    {
        Directory.CreateDirectory(Dirs.Ws("m"));
        AssertBlocked(await Sh("mount -t tmpfs none m && echo ESCAPED; mount --bind / m && echo ESCAPED; exit 1"));
        var r = await Py("""
            rc, e = sc(165, ctypes.addressof(ctypes.create_string_buffer(b"none")), ctypes.addressof(ctypes.create_string_buffer(b"m")),
                       ctypes.addressof(ctypes.create_string_buffer(b"tmpfs")), 0, 0)
            if rc == 0: escaped("mount")
            rc, e = sc(161, ctypes.addressof(ctypes.create_string_buffer(b"m")))
            if rc == 0: escaped("chroot")
            blocked("mount")
            """);
        AssertBlocked(r);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Dirs.Ws("m")));
    }

    [Fact]
    public async Task Handle_based_opens_bpf_and_perf_are_denied_with_eperm()
    {
        // Unfiltered, these bad arguments give EFAULT/EINVAL/EBADF; the filter answers EPERM first.
        var r = await Py("""
            for nr in (303, 304, 321, 298):  # name_to_handle_at open_by_handle_at bpf perf_event_open
                rc, e = sc(nr, -1, 0, 0, 0, 0)
                if rc >= 0 or e != errno.EPERM: escaped("syscall %d errno %d" % (nr, e))
            blocked("handles")
            """);
        AssertBlocked(r);
    }

    [Fact]
    public async Task The_32_bit_syscall_abi_is_filtered_too()
    {
        // Control: unsandboxed, the same int 0x80 calls succeed, so the probe itself works here.
        const string body = """
            k = int80(288, 0, -3, 0)      # i386 keyctl(GET_KEYRING_ID, SESSION)
            s = int80(359, 2, 1, 0)       # i386 socket(AF_INET, SOCK_STREAM)
            u = int80(310, 0x10000000)    # i386 unshare(CLONE_NEWUSER)
            print("keyctl", k, "socket", s, "unshare", u)
            if k >= 0 or s >= 0 or u >= 0: escaped("int 0x80")
            blocked("i386")
            """;
        var control = await Py(Int80 + body, SandboxPolicy.DangerFullAccess);
        Assert.Contains("ESCAPED", control.Output);
        AssertBlocked(await Py(Int80 + body));
    }

    [Fact]
    public async Task The_x32_syscall_abi_is_refused()
    {
        var r = await Py("""
            rc, e = sc(0x40000000 | 39)  # x32 getpid
            if rc >= 0: escaped("x32")
            blocked("x32 errno %d" % e)
            """);
        AssertBlocked(r);
    }

    /// <summary>The host's kernel log, read without blocking through /dev/kmsg.</summary>
    private static async Task<string> HostKernelLogAsync()
    {
        const string reader = """
            import os
            fd = os.open('/dev/kmsg', os.O_RDONLY | os.O_NONBLOCK)
            out = []
            while True:
                try: out.append(os.read(fd, 8192).decode(errors='replace'))
                except BlockingIOError: break
                except OSError: continue
            print(''.join(out))
            """;
        var r = await Cdx.Testing.CdxProcess.RunProgramAsync(Python, ["-c", reader]);
        Assert.Equal(0, r.ExitCode);
        return r.Stdout;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int shmget(int key, nint size, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int shmctl(int id, int cmd, nint buf);
}
