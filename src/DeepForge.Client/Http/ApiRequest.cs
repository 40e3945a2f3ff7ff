namespace DeepForge.Client.Http;

/// <summary>One request as a client method describes it; <see cref="Name"/> (<c>POST api/v1/...</c>) names it in errors.</summary>
internal sealed record ApiRequest(HttpMethod Method, string Path, TimeSpan Timeout)
{
    public HttpContent? Content { get; init; }

    /// <summary>Sending it twice does no harm, though its method says otherwise.</summary>
    public bool Repeatable { get; init; }

    public Action<HttpRequestMessage>? Configure { get; init; }

    public HttpCompletionOption Completion { get; init; } = HttpCompletionOption.ResponseContentRead;

    public string Name => $"{Method} /{Path.Split('?')[0]}";
}
