namespace Cdx.Sandbox;

/// <summary>
/// The sandbox could not be set up (bwrap missing, namespaces unavailable, a writable root that
/// does not exist, ...). The message is a sentence naming the cause and the way out.
/// </summary>
public class SandboxException(string message, Exception? inner = null) : Exception(message, inner);
