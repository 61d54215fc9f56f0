namespace Cdx.Cli;

/// <summary>
/// Turns exceptions that reach the CLI boundary into one readable message on stderr.
/// Users never see a stack trace unless they ask for one with CDX_DEBUG=1.
/// </summary>
public static class ErrorReporter
{
    /// <summary>Prints <paramref name="ex"/> for a person and returns the exit code to use.</summary>
    public static int Report(Exception ex)
    {
        var showStack = Environment.GetEnvironmentVariable("CDX_DEBUG") is "1" or "true";
        var message = ex switch
        {
            UserFacingException u => u.Message,
            OperationCanceledException => "cdx: cancelled.",
            _ => $"cdx: internal error: {ex.Message} (set CDX_DEBUG=1 for details and please report it)",
        };
        Console.Error.WriteLine(message);
        if (showStack)
        {
            Console.Error.WriteLine(ex.ToString());
        }
        return ex is UserFacingException { ExitCode: var code } ? code : 1;
    }
}

/// <summary>An error whose message is already a sentence meant for the user (place and way out).</summary>
public class UserFacingException(string message, int exitCode = 1, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>Process exit code to use when this error ends the command.</summary>
    public int ExitCode { get; } = exitCode;
}
