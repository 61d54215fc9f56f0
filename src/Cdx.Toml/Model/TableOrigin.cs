namespace Cdx.Toml;

/// <summary>How a table came to exist; the TOML redefinition rules depend on it.</summary>
internal enum TableOrigin
{
    /// <summary>Built in code (not parsed).</summary>
    Built,

    /// <summary>The document's root table.</summary>
    Root,

    /// <summary>Created as an intermediate of a `[a.b.c]` header; may still be defined by its own header once.</summary>
    Implicit,

    /// <summary>Defined by its own `[header]`.</summary>
    Header,

    /// <summary>Created by a dotted key (`a.b = 1`).</summary>
    Dotted,

    /// <summary>An inline table (`{ ... }`).</summary>
    Inline,

    /// <summary>One element of an array of tables (`[[header]]`).</summary>
    ArrayElement,
}
