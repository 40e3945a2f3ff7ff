using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DeepForge.Client.Http;

/// <summary>
/// Sends one request to the server (the resilience handler below it retries what may be retried) and turns every
/// failure into a <see cref="DeepForgeApiException"/> that carries the server's problem detail.
/// </summary>
internal sealed class ApiTransport(HttpClient http, DeepForgeClientOptions options)
{
    public Uri ServerUrl { get; } = options.ServerUrl ?? throw new InvalidOperationException("DeepForgeClientOptions.ServerUrl is not set");

    public DeepForgeClientOptions Options => options;

    public static JsonContent Json<T>(T value) => JsonContent.Create(value, options: ClientJson.Options);

    public async Task<HttpResponseMessage> SendAsync(ApiRequest call, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(call.Method, new Uri(ServerUrl, call.Path)) { Content = call.Content };
        if (!string.IsNullOrEmpty(options.Token)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        if (call.Repeatable) request.Options.Set(RetryRule.Repeatable, true);
        call.Configure?.Invoke(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (call.Timeout != Timeout.InfiniteTimeSpan) timeout.CancelAfter(call.Timeout);
        try
        {
            return await http.SendAsync(request, call.Completion, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeepForgeApiException(call.Name, $"{call.Name}: no answer from {ServerUrl} within {call.Timeout.TotalSeconds:0} s", null, null, transient: true, e);
        }
        catch (HttpRequestException e)
        {
            throw new DeepForgeApiException(call.Name, $"{call.Name}: cannot reach {ServerUrl}: {e.Message}", e.StatusCode, null, transient: true, e);
        }
    }

    /// <summary>Throws the server's refusal as a <see cref="DeepForgeApiException"/> naming the request and carrying its problem detail.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string name, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var status = response.StatusCode;
        var problem = await ProblemBody.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        var message = $"{name}: the server answered {(int)status} {response.ReasonPhrase}{(problem == null ? "" : ": " + problem)}";
        throw new DeepForgeApiException(name, message, status, problem, IsTransient(status));
    }

    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, string name, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, name, cancellationToken).ConfigureAwait(false);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ClientJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new DeepForgeApiException(name, $"{name}: the server answered an empty body", response.StatusCode, null, transient: false);
        }
        catch (JsonException e)
        {
            throw new DeepForgeApiException(name, $"{name}: the server's answer is not a {typeof(T).Name}: {e.Message}", response.StatusCode, null, transient: false, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new DeepForgeApiException(name, $"{name}: the connection broke while reading the answer: {e.Message}", response.StatusCode, null, transient: true, e);
        }
    }

    // A server starting, restarting or overloaded answers 5xx, 408 or 429 for a while: those pass.
    // No space (507) does not pass by asking again.
    private static bool IsTransient(HttpStatusCode status) =>
        ((int)status >= 500 && status is not HttpStatusCode.InsufficientStorage and not HttpStatusCode.NotImplemented)
        || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
