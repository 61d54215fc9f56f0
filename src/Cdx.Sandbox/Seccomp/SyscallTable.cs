namespace Cdx.Sandbox.Seccomp;

/// <summary>Syscall numbers of one ABI, for the calls the filter names.</summary>
internal sealed record SyscallTable
{
    public required uint AuditArch { get; init; }

    /// <summary>Calls denied in every sandboxed mode (root hardening).</summary>
    public required IReadOnlyList<uint> AlwaysDenied { get; init; }

    /// <summary>Socket calls denied outright when the network is off.</summary>
    public required IReadOnlyList<uint> NetworkDenied { get; init; }

    public required uint Socket { get; init; }
    public required uint Socketpair { get; init; }
    public required uint Sendto { get; init; }
    public required uint CloneNr { get; init; }
    public required uint Clone3 { get; init; }
    public required uint Ioctl { get; init; }

    /// <summary>i386's multiplexed socketcall(2): its arguments live in memory, so it is denied outright.</summary>
    public uint? Socketcall { get; init; }

    /// <summary>x86_64: x32-ABI syscall numbers carry this bit; the whole x32 ABI is denied.</summary>
    public uint? X32Bit { get; init; }

    // Denied everywhere: tracing, kernel keyrings, namespaces and mounts, module/kexec, kernel log,
    // BPF/perf, io_uring (it performs socket/file operations the filter cannot see), handle-based
    // opens (the "shocker" escape), cross-process memory and fd access, clocks, swap and reboot.
    private static readonly uint[] X64Always =
    [
        101, 310, 311, 312,            // ptrace process_vm_readv process_vm_writev kcmp
        425, 426, 427,                 // io_uring_setup io_uring_enter io_uring_register
        248, 249, 250,                 // add_key request_key keyctl
        272, 308,                      // unshare setns
        165, 166, 155, 161,            // mount umount2 pivot_root chroot
        428, 429, 430, 431, 432, 433, 442, // open_tree move_mount fsopen fsconfig fsmount fspick mount_setattr
        321, 298, 323, 300,            // bpf perf_event_open userfaultfd fanotify_init
        246, 320, 175, 313, 176,       // kexec_load kexec_file_load init_module finit_module delete_module
        174, 177, 178,                 // create_module get_kernel_syms query_module
        103, 163, 169, 167, 168,       // syslog acct reboot swapon swapoff
        170, 171, 172, 173, 154,       // sethostname setdomainname iopl ioperm modify_ldt
        179, 180, 212, 153, 134, 136, 139, // quotactl nfsservctl lookup_dcookie vhangup uselib ustat sysfs
        164, 227, 159, 305,            // settimeofday clock_settime adjtimex clock_adjtime
        303, 304, 438, 279,            // name_to_handle_at open_by_handle_at pidfd_getfd move_pages
    ];

    private static readonly uint[] X64Network =
    [
        42, 43, 288, 49, 50,           // connect accept accept4 bind listen
        51, 52, 48,                    // getsockname getpeername shutdown
        307, 299, 54, 55,              // sendmmsg recvmmsg setsockopt getsockopt
    ];

    private static readonly uint[] I386Always =
    [
        26, 347, 348, 349,             // ptrace process_vm_readv process_vm_writev kcmp
        425, 426, 427,                 // io_uring_*
        286, 287, 288,                 // add_key request_key keyctl
        310, 346,                      // unshare setns
        21, 22, 52, 217, 61,           // mount umount umount2 pivot_root chroot
        428, 429, 430, 431, 432, 433, 442,
        357, 336, 374, 338,            // bpf perf_event_open userfaultfd fanotify_init
        283, 128, 350, 129,            // kexec_load init_module finit_module delete_module
        127, 130, 167,                 // create_module get_kernel_syms query_module
        103, 51, 88, 87, 115,          // syslog acct reboot swapon swapoff
        74, 121, 110, 101, 123,        // sethostname setdomainname iopl ioperm modify_ldt
        113, 166,                      // vm86 vm86old
        131, 169, 253, 111, 86, 62, 135, // quotactl nfsservctl lookup_dcookie vhangup uselib ustat sysfs
        79, 264, 124, 343, 404, 405,   // settimeofday clock_settime adjtimex clock_adjtime clock_settime64 clock_adjtime64
        341, 342, 438, 317,            // name_to_handle_at open_by_handle_at pidfd_getfd move_pages
    ];

    private static readonly uint[] I386Network =
    [
        362, 364, 361, 363,            // connect accept4 bind listen
        367, 368, 373,                 // getsockname getpeername shutdown
        345, 337, 417, 366, 365,       // sendmmsg recvmmsg recvmmsg_time64 setsockopt getsockopt
    ];

    /// <summary>x86_64 (native ABI; the x32 ABI is rejected wholesale).</summary>
    public static SyscallTable X86_64 { get; } = new()
    {
        AuditArch = 0xC000003E,
        AlwaysDenied = X64Always,
        NetworkDenied = X64Network,
        Socket = 41,
        Socketpair = 53,
        Sendto = 44,
        CloneNr = 56,
        Clone3 = 435,
        Ioctl = 16,
        X32Bit = 0x40000000,
    };

    /// <summary>i386 compat ABI (int 0x80 from a 64-bit process, or 32-bit binaries).</summary>
    public static SyscallTable I386 { get; } = new()
    {
        AuditArch = 0x40000003,
        AlwaysDenied = I386Always,
        NetworkDenied = I386Network,
        Socket = 359,
        Socketpair = 360,
        Sendto = 369,
        CloneNr = 120,
        Clone3 = 435,
        Ioctl = 54,
        Socketcall = 102,
    };
}
