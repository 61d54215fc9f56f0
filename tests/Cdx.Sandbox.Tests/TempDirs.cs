namespace Cdx.Sandbox.Tests;

/// <summary>
/// A fresh workspace under /tmp and a fresh "outside" directory under /var/tmp (not a writable
/// root in any mode), both removed afterwards.
/// </summary>
public sealed class TempDirs : IDisposable
{
    public TempDirs()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        Workspace = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"cdx-ws-{id}")).FullName;
        Outside = Directory.CreateDirectory($"/var/tmp/cdx-out-{id}").FullName;
    }

    /// <summary>The command's working directory (a writable root in workspace-write).</summary>
    public string Workspace { get; }

    /// <summary>A directory the sandbox must never be able to write.</summary>
    public string Outside { get; }

    /// <summary>Path inside the workspace.</summary>
    public string Ws(string relative) => Path.Combine(Workspace, relative);

    /// <summary>Path inside the outside directory.</summary>
    public string Out(string relative) => Path.Combine(Outside, relative);

    public void Dispose()
    {
        foreach (var d in new[] { Workspace, Outside })
        {
            try
            {
                Directory.Delete(d, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
