using Cdx.Sandbox.Native;

namespace Cdx.Sandbox;

/// <summary>Kills a process, its process group and every descendant still parented under it.</summary>
internal static class ProcessTree
{
    /// <summary>SIGKILLs <paramref name="pid"/>'s group and all descendants found in /proc.</summary>
    public static void KillAll(int pid)
    {
        // Two passes: a child forked between the scan and the kill is caught the second time.
        for (var pass = 0; pass < 2; pass++)
        {
            var victims = Descendants(pid);
            Libc.kill(-pid, Libc.SIGKILL);
            Libc.kill(pid, Libc.SIGKILL);
            foreach (var v in victims)
            {
                Libc.kill(v, Libc.SIGKILL);
            }
        }
    }

    /// <summary>Every live process whose parent chain leads to <paramref name="root"/>.</summary>
    public static List<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        var result = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.Count > 0)
        {
            var p = frontier.Dequeue();
            foreach (var (child, parent) in parents)
            {
                if (parent == p && !result.Contains(child))
                {
                    result.Add(child);
                    frontier.Enqueue(child);
                }
            }
        }
        return result;
    }
}
