using System.CommandLine;

namespace DeepForge.Cli.Commands;

/// <summary><c>--server URL</c>: act on a running server instead of this machine's data folder.</summary>
internal static class ServerOption
{
    public static Option<string?> Create()
    {
        var option = new Option<string?>("--server") { Description = "A running server's URL, e.g. http://localhost:8888 (default: this machine's data folder)" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } url && Problem(url) is { } problem) result.AddError($"--server {url}: {problem}");
        });
        return option;
    }

    /// <summary>Why <paramref name="url"/> is no server URL, or null when it is one.</summary>
    public static string? Problem(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? null
            : "not a server URL; write it like http://localhost:8888";
}
