namespace Cdx.Core.Tools;

/// <summary>The provider's wire API, which decides whether freeform (custom) tools can be offered.</summary>
public enum ToolWireApi
{
    /// <summary>Responses API: custom tools with grammars work.</summary>
    Responses,

    /// <summary>Chat Completions: function tools only.</summary>
    Chat,
}
