namespace Cdx.Models;

/// <summary>Turns SSE `data` payloads of one wire API into model events.</summary>
internal interface IStreamEventReader
{
    /// <summary>Whether the terminal event (`response.completed`, chat finish) has been handled.</summary>
    bool IsComplete { get; }

    /// <summary>Events for one SSE data payload; throws ModelAttemptException for failures the server reports.</summary>
    IEnumerable<ModelEvent> Handle(string data);

    /// <summary>Events to flush when the HTTP stream ends.</summary>
    IEnumerable<ModelEvent> Finish();
}
