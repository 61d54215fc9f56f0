namespace Cdx.Toml;

/// <summary>An edit that cannot be made (e.g. setting `a.b` where `a` is a string).</summary>
public sealed class TomlEditException(string message) : InvalidOperationException(message);
