using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using DeepForge.Runner.Protocol;

namespace DeepForge.Client.Http;

/// <summary>The runner protocol and blobs over one <see cref="ApiTransport"/>; every request carries the protocol version.</summary>
internal sealed class RunnerClient(ApiTransport transport) : IRunnerClient
{
    /// <summary>How long a lease request may wait beyond the server's long-poll before the worker gives up on it.</summary>
    private static readonly TimeSpan LeaseTimeout = RunnerProtocol.LongPoll + TimeSpan.FromSeconds(15);

    /// <summary>How long any other request may take; a worker's requests are small, and a silent server should be noticed soon.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public Uri ServerUrl => transport.ServerUrl;

    public async Task<LeasedJob?> LeaseAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        // Not repeatable after a 500: a lease the server granted but whose answer was lost would hold a job nobody runs until it expires.
        var call = Runner(HttpMethod.Post, "api/v1/runners/lease", LeaseTimeout) with { Content = ApiTransport.Json(request) };
        using var response = await transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NoContent) return null;
        return await ApiTransport.ReadJsonAsync<LeasedJob>(response, call.Name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HeartbeatReply?> HeartbeatAsync(string jobId, HeartbeatRequest request, CancellationToken cancellationToken)
    {
        var call = Report(jobId, "heartbeat", ApiTransport.Json(request));
        using var response = await transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (LeaseGone(response)) return null;
        return await ApiTransport.ReadJsonAsync<HeartbeatReply>(response, call.Name, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> CompleteAsync(string jobId, CompleteRequest request, CancellationToken cancellationToken) =>
        SendReportAsync(Report(jobId, "complete", ApiTransport.Json(request)), cancellationToken);

    public Task<bool> FailAsync(string jobId, FailRequest request, CancellationToken cancellationToken) =>
        SendReportAsync(Report(jobId, "fail", ApiTransport.Json(request)), cancellationToken);

    public async Task<HttpResponseMessage> GetBlobAsync(string hash, long offset, CancellationToken cancellationToken)
    {
        var call = Runner(HttpMethod.Get, $"api/v1/blobs/{hash}", RequestTimeout) with
        {
            Configure = request =>
            {
                AddVersion(request);
                if (offset > 0) request.Headers.Range = new RangeHeaderValue(offset, null);
            },
            Completion = HttpCompletionOption.ResponseHeadersRead,
        };
        var response = await transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable) return response;
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
                throw new DeepForgeApiException(call.Name, $"the server has no blob {hash}", response.StatusCode, null, transient: false);
            await ApiTransport.EnsureSuccessAsync(response, call.Name, cancellationToken).ConfigureAwait(false);
            return response;
        }
    }

    public async Task<long?> BlobSizeAsync(string hash, CancellationToken cancellationToken)
    {
        var call = Runner(HttpMethod.Head, $"api/v1/blobs/{hash}", RequestTimeout);
        using var response = await transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await ApiTransport.EnsureSuccessAsync(response, call.Name, cancellationToken).ConfigureAwait(false);
        return response.Content.Headers.ContentLength;
    }

    public async Task PutBlobAsync(string hash, string path, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using var _ = file.ConfigureAwait(false);
        // A seekable stream: a retried upload is read again from its start.
        var content = new StreamContent(file, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentLength = file.Length;
        // A large upload may take long; it is not bounded by the request timeout, only by cancellation.
        var call = Runner(HttpMethod.Put, $"api/v1/blobs/{hash}", Timeout.InfiniteTimeSpan) with { Content = content };
        using var response = await transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        await ApiTransport.EnsureSuccessAsync(response, call.Name, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> SendReportAsync(ApiRequest call, CancellationToken cancellationToken)
    {
        using var response = await transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (LeaseGone(response)) return false;
        await ApiTransport.EnsureSuccessAsync(response, call.Name, cancellationToken).ConfigureAwait(false);
        return true;
    }

    // A report carries the lease token, which fences it: the same report twice is accepted once and refused (409) after.
    private static ApiRequest Report(string jobId, string what, HttpContent body) =>
        Runner(HttpMethod.Post, $"api/v1/jobs/{Uri.EscapeDataString(jobId)}/{what}", RequestTimeout) with { Content = body, Repeatable = true };

    private static ApiRequest Runner(HttpMethod method, string path, TimeSpan timeout) => new(method, path, timeout) { Configure = AddVersion };

    private static void AddVersion(HttpRequestMessage request) =>
        request.Headers.Add(RunnerProtocol.VersionHeader, RunnerProtocol.Version.ToString(CultureInfo.InvariantCulture));

    private static bool LeaseGone(HttpResponseMessage response) => response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound;
}
