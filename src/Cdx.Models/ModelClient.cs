using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Cdx.Protocol.Items;

namespace Cdx.Models;

/// <summary>
/// Streams model requests to one provider (Responses or Chat wire API) with Codex's two retry layers:
/// HTTP retries for transport errors and 5xx, and whole-request re-sends for retryable stream failures.
/// </summary>
public sealed partial class ModelClient
{
    private readonly ProviderInfo _provider;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    /// <summary>Creates a client; without an HttpClient one with no overall timeout is made (the idle timeout governs).</summary>
    public ModelClient(ProviderInfo provider, HttpClient? http = null, TimeProvider? time = null)
    {
        _provider = provider ?? throw new ArgumentNullException(nameof(provider));
        _http = http ?? DefaultHttpClient.Value;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The provider this client talks to.</summary>
    public ProviderInfo Provider => _provider;

    /// <summary>The `originator` header and user-agent product (`codex_exec` for exec, like Codex).</summary>
    public string Originator { get; init; } = "codex_exec";

    /// <summary>The client version in the user-agent and the OpenAI `version` header.</summary>
    public string ClientVersion { get; init; } = DefaultClientVersion;

    /// <summary>The latest rate-limit snapshot seen, or null.</summary>
    public RateLimitSnapshot? LastRateLimits { get; private set; }

    /// <summary>
    /// Runs one sampling request with both retry layers. Items completed before a failed attempt are yielded once
    /// and appended to the input of the re-sent request (spec §10.2). Throws ModelTurnException on final failure.
    /// </summary>
    public async IAsyncEnumerable<ModelEvent> StreamAsync(ModelRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<ResponseItem> input = request.Input;
        for (var retries = 0; ; retries++)
        {
            var done = new List<ResponseItem>();
            ModelAttemptException? failure = null;
            await using (var attempt = AttemptAsync(request with { Input = input }, ct).GetAsyncEnumerator(ct))
            {
                while (true)
                {
                    try
                    {
                        if (!await attempt.MoveNextAsync())
                        {
                            break;
                        }
                    }
                    catch (ModelAttemptException e)
                    {
                        failure = e;
                        break;
                    }
                    if (attempt.Current is OutputItemDone item)
                    {
                        done.Add(item.Item);
                    }
                    yield return attempt.Current;
                }
            }
            if (failure is null)
            {
                yield break;
            }
            if (!failure.Retryable || retries >= _provider.StreamMaxRetries)
            {
                throw new ModelTurnException(failure.Message, failure.Status, failure);
            }
            var delay = failure.RetryAfter ?? RetryTiming.Backoff(_provider.RetryBaseDelay, retries + 1);
            yield return new Reconnecting(retries + 1, _provider.StreamMaxRetries, failure.Message);
            await Task.Delay(delay, _time, ct);
            input = [.. input, .. done];
        }
    }

    // One HTTP request and its stream; completes normally only after the terminal event.
    private async IAsyncEnumerable<ModelEvent> AttemptAsync(ModelRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        using var response = await SendWithRetriesAsync(request, ct);
        if (RateLimitSnapshot.FromHeaders(response.Headers) is { } limits)
        {
            LastRateLimits = limits;
            yield return new RateLimitsUpdated(limits);
        }
        IStreamEventReader reader = _provider.WireApi == WireApi.Chat ? new ChatEventReader() : new ResponsesEventReader();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        await using var link = ct.Register(static s => ((CancellationTokenSource)s!).Cancel(), idle);
        await using var sse = SseParser.Create(body).EnumerateAsync(idle.Token).GetAsyncEnumerator(idle.Token);
        while (!reader.IsComplete)
        {
            idle.CancelAfter(_provider.StreamIdleTimeout);
            if (!await NextEventAsync(sse, ct))
            {
                break;
            }
            foreach (var ev in reader.Handle(sse.Current.Data))
            {
                if (ev is RateLimitsUpdated update)
                {
                    LastRateLimits = update.Snapshot;
                }
                yield return ev;
            }
        }
        foreach (var ev in reader.Finish())
        {
            yield return ev;
        }
        if (!reader.IsComplete)
        {
            throw new ModelAttemptException(ModelErrorText.ClosedEarly, retryable: true);
        }
    }

    private static async Task<bool> NextEventAsync(IAsyncEnumerator<SseItem<string>> sse, CancellationToken ct)
    {
        try
        {
            return await sse.MoveNextAsync();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ModelAttemptException(ModelErrorText.IdleTimeout, retryable: true);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new ModelAttemptException(ModelErrorText.StreamDisconnectedPrefix + e.Message, retryable: true);
        }
    }
}
