using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DeepForge.Data;
using DeepForge.Runner.Protocol;

namespace DeepForge.Worker.Http;

/// <summary>
/// The worker's side of the runner protocol (<see cref="RunnerProtocol"/>): every request carries the
/// protocol version and the worker token. Failures come out as <see cref="ServerException"/>; a lost lease (409) is a result, not an error.
/// </summary>
internal sealed class RunnerClient(Func<HttpClient> httpClient, WorkerSettings settings)
{
    /// <summary>How long a lease request may wait beyond the server's long-poll before the worker gives up on it.</summary>
    private static readonly TimeSpan LeaseTimeout = RunnerProtocol.LongPoll + TimeSpan.FromSeconds(15);

    /// <summary>How long any other request may take before it counts as a failed attempt.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public Uri ServerUrl => settings.ServerUrl;

    /// <summary>Waits (long-poll) for a job this worker can run; null when the server had none.</summary>
    public async Task<LeasedJob?> LeaseAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/v1/runners/lease", JsonBody(request), LeaseTimeout, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NoContent) return null;
        await EnsureSuccessAsync(response, "lease a job", cancellationToken);
        return await ReadJsonAsync<LeasedJob>(response, "lease a job", cancellationToken);
    }

    /// <summary>Reports a running job; null when the lease is lost (409, or 404: the server has no such job any more).</summary>
    public async Task<HeartbeatReply?> HeartbeatAsync(string jobId, HeartbeatRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"api/v1/jobs/{Uri.EscapeDataString(jobId)}/heartbeat", JsonBody(request), RequestTimeout, cancellationToken);
        if (LeaseGone(response)) return null;
        await EnsureSuccessAsync(response, $"heartbeat job {jobId}", cancellationToken);
        return await ReadJsonAsync<HeartbeatReply>(response, $"heartbeat job {jobId}", cancellationToken);
    }

    /// <summary>Completes a job; false when the lease is lost (409 or 404).</summary>
    public Task<bool> CompleteAsync(string jobId, CompleteRequest request, CancellationToken cancellationToken) =>
        ReportAsync(jobId, "complete", JsonBody(request), cancellationToken);

    /// <summary>Fails a job; false when the lease is lost (409 or 404).</summary>
    public Task<bool> FailAsync(string jobId, FailRequest request, CancellationToken cancellationToken) =>
        ReportAsync(jobId, "fail", JsonBody(request), cancellationToken);

    /// <summary>Starts reading a blob from <paramref name="offset"/> (a Range request when above 0). The caller disposes the response.</summary>
    public async Task<HttpResponseMessage> GetBlobAsync(string hash, long offset, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, $"api/v1/blobs/{hash}", null, RequestTimeout, cancellationToken,
            request => { if (offset > 0) request.Headers.Range = new RangeHeaderValue(offset, null); },
            HttpCompletionOption.ResponseHeadersRead);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable) return response;
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
                throw new ServerException($"the server has no blob {hash}", response.StatusCode, transient: false);
            await EnsureSuccessAsync(response, $"download blob {hash}", cancellationToken);
            return response;
        }
    }

    /// <summary>The size of a blob the server has, or null when it has none.</summary>
    public async Task<long?> BlobSizeAsync(string hash, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Head, $"api/v1/blobs/{hash}", null, RequestTimeout, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureSuccessAsync(response, $"look up blob {hash}", cancellationToken);
        return response.Content.Headers.ContentLength;
    }

    /// <summary>Uploads a blob file; the server checks its content against the hash.</summary>
    public async Task PutBlobAsync(string hash, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var content = new StreamContent(file, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentLength = file.Length;
        // A large upload may take long; it is not bounded by the request timeout, only by cancellation.
        using var response = await SendAsync(HttpMethod.Put, $"api/v1/blobs/{hash}", content, Timeout.InfiniteTimeSpan, cancellationToken);
        await EnsureSuccessAsync(response, $"upload blob {hash}", cancellationToken);
    }

    private async Task<bool> ReportAsync(string jobId, string what, HttpContent body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"api/v1/jobs/{Uri.EscapeDataString(jobId)}/{what}", body, RequestTimeout, cancellationToken);
        if (LeaseGone(response)) return false;
        await EnsureSuccessAsync(response, $"{what} job {jobId}", cancellationToken);
        return true;
    }

    private static bool LeaseGone(HttpResponseMessage response) => response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound;

    private static JsonContent JsonBody<T>(T value) => JsonContent.Create(value, options: Json.Options);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, TimeSpan timeout, CancellationToken cancellationToken,
        Action<HttpRequestMessage>? configure = null, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(method, new Uri(settings.ServerUrl, path)) { Content = content };
        request.Headers.Add(RunnerProtocol.VersionHeader, RunnerProtocol.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (settings.Token != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
        configure?.Invoke(request);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan) timeoutSource.CancelAfter(timeout);
        try
        {
            return await httpClient().SendAsync(request, completion, timeoutSource.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerException($"{method} {path}: no answer from {settings.ServerUrl} within {timeout.TotalSeconds:0} s", null, transient: true, e);
        }
        catch (HttpRequestException e)
        {
            throw new ServerException($"{method} {path}: cannot reach {settings.ServerUrl}: {e.Message}", e.StatusCode, transient: true, e);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var status = response.StatusCode;
        var body = await ReadErrorAsync(response, cancellationToken);
        var message = status switch
        {
            HttpStatusCode.Unauthorized => $"{what}: the server refused this worker's token (401){body}; give the worker a token from 'deepforge token create --worker'",
            HttpStatusCode.Forbidden => $"{what}: the server refused this worker (403){body}",
            _ => $"{what}: the server answered {(int)status} {response.ReasonPhrase}{body}",
        };
        // A server starting, restarting or overloaded answers 5xx, 408 or 429 for a while: those pass.
        // No space (507) does not pass by asking again: the job fails with the server's reason instead of waiting for ever.
        var transient = ((int)status >= 500 && status != HttpStatusCode.InsufficientStorage) || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
        throw new ServerException(message, status, transient);
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
            if (text.Length == 0) return "";
            if (ProblemDetail(text) is { } detail) return ": " + detail;
            return ": " + (text.Length > 500 ? text[..500] + "..." : text);
        }
        catch (HttpRequestException) { return ""; }
        catch (IOException) { return ""; }
    }

    // A problem body's "detail" is the server's one line; the rest (type, trace id) is noise in a worker's log.
    private static string? ProblemDetail(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var detail)
                && detail.ValueKind == System.Text.Json.JsonValueKind.String ? detail.GetString() : null;
        }
        catch (System.Text.Json.JsonException) { return null; }
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json.Options, cancellationToken)
                ?? throw new ServerException($"{what}: the server answered an empty body", response.StatusCode, transient: false);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ServerException($"{what}: the server's answer is not a {typeof(T).Name}: {e.Message}", response.StatusCode, transient: false, e);
        }
        catch (HttpRequestException e)
        {
            throw new ServerException($"{what}: the connection broke while reading the answer: {e.Message}", response.StatusCode, transient: true, e);
        }
        catch (IOException e)
        {
            throw new ServerException($"{what}: the connection broke while reading the answer: {e.Message}", response.StatusCode, transient: true, e);
        }
    }
}
