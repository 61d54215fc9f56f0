namespace Cdx.Core.Tools;

/// <summary>The `kind` of a `file_change` entry: `add`, `delete` or `update`.</summary>
public enum FileChangeKindWire
{
    /// <summary>`add`.</summary>
    Add,

    /// <summary>`delete`.</summary>
    Delete,

    /// <summary>`update` (also a move, reported at the source path).</summary>
    Update,
}
