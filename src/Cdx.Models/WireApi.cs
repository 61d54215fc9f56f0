namespace Cdx.Models;

/// <summary>Which HTTP API a provider speaks.</summary>
public enum WireApi
{
    /// <summary>OpenAI Responses API: `POST {base}/responses`, SSE of response.* events.</summary>
    Responses,

    /// <summary>Chat Completions: `POST {base}/chat/completions`, SSE of chat.completion.chunk.</summary>
    Chat,
}
