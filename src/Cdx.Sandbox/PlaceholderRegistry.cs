using Cdx.Sandbox.Native;

namespace Cdx.Sandbox;

/// <summary>
/// Mount points for missing protected paths (e.g. an empty `.git` in a fresh workspace). cdx
/// creates them itself, tags them with the `user.cdx.placeholder` xattr and holds a shared
/// flock on each while any of its sandboxes uses it; every cdx process does the same for tagged
/// placeholders it finds. A placeholder is removed only by whoever can turn that lock exclusive,
/// i.e. when no sandbox in any process still relies on it: removing it earlier would detach the
/// read-only mount inside a running sandbox and let it create the path. One left behind by a
/// SIGKILLed cdx is unlocked, so the next sandboxed command in that root removes it.
/// </summary>
internal static unsafe class PlaceholderRegistry
{
    private const string Tag = "user.cdx.placeholder";
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, (int Fd, int Users)> Held = new(StringComparer.Ordinal);

    /// <summary>Creates (or adopts) and locks the placeholders of <paramref name="launch"/>.</summary>
    public static IReadOnlyList<string> Acquire(SandboxLaunch launch)
    {
        var taken = new List<string>();
        lock (Gate)
        {
            foreach (var p in launch.ProtectedPaths)
            {
                if (Held.TryGetValue(p.Path, out var held))
                {
                    Held[p.Path] = (held.Fd, held.Users + 1);
                    taken.Add(p.Path);
                    continue;
                }
                var fd = p.Kind == ProtectionKind.BlockCreation ? CreateAndLock(p.Path) : AdoptAndLock(p.Path);
                if (fd >= 0)
                {
                    Held[p.Path] = (fd, 1);
                    taken.Add(p.Path);
                }
            }
        }
        return taken;
    }

    /// <summary>Drops the references; removes placeholders no sandbox anywhere still uses.</summary>
    public static void Release(IReadOnlyList<string> paths)
    {
        lock (Gate)
        {
            foreach (var path in paths)
            {
                if (!Held.TryGetValue(path, out var held))
                {
                    continue;
                }
                if (held.Users > 1)
                {
                    Held[path] = (held.Fd, held.Users - 1);
                    continue;
                }
                Held.Remove(path);
                if (Libc.flock(held.Fd, Libc.LOCK_EX | Libc.LOCK_NB) == 0 && SameDirectory(held.Fd, path) && IsEmpty(path))
                {
                    Libc.rmdir(path);
                }
                Libc.close(held.Fd);
            }
        }
    }

    /// <summary>mkdir + tag + shared lock; retried when another process removed it in between.</summary>
    private static int CreateAndLock(string path)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (Libc.mkdir(path, 0x1ed /* 0755 */) == 0)
            {
                var value = "1"u8;
                fixed (byte* v = value)
                {
                    // Without xattr support the placeholder still works; it is just never adopted by others.
                    Libc.setxattr(path, Tag, v, value.Length, 0);
                }
            }
            var fd = LockShared(path);
            if (fd >= 0)
            {
                return fd;
            }
        }
        // bwrap creates the mount point itself; only the cleanup is lost.
        return -1;
    }

    /// <summary>Shares the lock of an existing placeholder (ours or another cdx's, live or stale).</summary>
    private static int AdoptAndLock(string path)
    {
        if (!Directory.Exists(path) && !File.Exists(path) && new FileInfo(path).LinkTarget is null)
        {
            // A placeholder seen while planning and removed by its last user since: the plan binds
            // this path, so it must exist again.
            return CreateAndLock(path);
        }
        var buffer = stackalloc byte[8];
        if (Libc.getxattr(path, Tag, buffer, 8) <= 0)
        {
            return -1;
        }
        var fd = LockShared(path);
        // Its last user removed it meanwhile: the plan binds it, so it must exist again.
        return fd >= 0 || Directory.Exists(path) ? fd : CreateAndLock(path);
    }

    private static int LockShared(string path)
    {
        var fd = Libc.open(path, Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_CLOEXEC | Libc.O_NOFOLLOW);
        if (fd < 0)
        {
            return -1;
        }
        while (Libc.flock(fd, Libc.LOCK_SH) != 0 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == Libc.EINTR)
        {
        }
        if (!SameDirectory(fd, path))
        {
            // Removed (and maybe recreated) by its last user while we waited for the lock.
            Libc.close(fd);
            return -1;
        }
        return fd;
    }

    private static bool SameDirectory(int fd, string path)
    {
        var a = stackalloc byte[256];
        var b = stackalloc byte[256];
        // struct stat on x86_64: st_dev at 0, st_ino at 8.
        return Libc.fstat(fd, a) == 0 && Libc.stat(path, b) == 0
            && *(ulong*)a == *(ulong*)b && *(ulong*)(a + 8) == *(ulong*)(b + 8);
    }

    private static bool IsEmpty(string path)
    {
        try
        {
            return !Directory.EnumerateFileSystemEntries(path).Any();
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>For tests: whether <paramref name="path"/> carries the placeholder tag.</summary>
    internal static bool IsTagged(string path)
    {
        var buffer = stackalloc byte[8];
        return Libc.getxattr(path, Tag, buffer, 8) > 0;
    }
}
