using Cdx.Cli;
using Cdx.Cli.Commands;

/// <summary>
/// Entry point. `apply-patch` (and the `apply_patch` alias) runs straight from a synchronous Main so the
/// process touches only Cdx.ApplyPatch and the base library; everything else goes through CliApp, which
/// tests drive in-process too.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var rewritten = InvocationName.Rewrite(InvocationName.ReadArgv0(), args);
        if (ApplyPatchCommand.IsDirectInvocation(rewritten))
        {
            try
            {
                return ApplyPatchCommand.RunDirect(rewritten[1..]);
            }
            catch (Exception ex)
            {
                return ErrorReporter.Report(ex);
            }
        }
        // CliApp applies the invocation-name rewrite itself.
        return CliApp.RunAsync(args).GetAwaiter().GetResult();
    }
}
