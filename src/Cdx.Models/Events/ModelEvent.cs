namespace Cdx.Models;

/// <summary>Something that happened while streaming one model request.</summary>
public abstract record ModelEvent;
