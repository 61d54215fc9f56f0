namespace Cdx.Models;

/// <summary>The provider configuration cannot be used (unknown provider, missing API key, …); the message is one sentence for the user.</summary>
public sealed class ModelConfigException(string message) : Exception(message);
