using DeepForge.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DeepForge.Server.Hosting;

/// <summary>Checks the server's options when the host starts; every message names the option and its value.</summary>
internal sealed class ServerOptionsValidator : IValidateOptions<DeepForgeServerOptions>
{
    private const string Name = nameof(DeepForgeServerOptions);

    public ValidateOptionsResult Validate(string? name, DeepForgeServerOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> Problems(DeepForgeServerOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.Urls) && UrlsProblem(o.Urls) is { } urls) yield return $"{Name}.Urls '{o.Urls}': {urls}";
        if (string.IsNullOrWhiteSpace(o.Urls))
        {
            if (o.Port is < 0 or > 65535) yield return $"{Name}.Port is {o.Port}: use 0 (any free port) to 65535";
            if (ServerEndpoint.HostProblem(o.Host?.Trim() ?? "") is { } host) yield return $"{Name}.Host: {host}";
        }
        if (o.LeaseDuration < TimeSpan.FromMilliseconds(500) || o.LeaseDuration > TimeSpan.FromDays(1))
            yield return $"{Name}.LeaseDuration is {o.LeaseDuration}: use 0.5 s to 1 day";
        if (o.PartialUploadTimeout < TimeSpan.FromSeconds(1) || o.PartialUploadTimeout > TimeSpan.FromDays(30))
            yield return $"{Name}.PartialUploadTimeout is {o.PartialUploadTimeout}: use 1 s to 30 days";
        if (o.MaxParallelJobs is < 1 or > 100_000) yield return $"{Name}.MaxParallelJobs is {o.MaxParallelJobs}: use 1 to 100000";
        if (o.MaxAttempts < 1) yield return $"{Name}.MaxAttempts is {o.MaxAttempts}: use 1 or more";
        if (o.LongPoll < TimeSpan.Zero || o.LongPoll > TimeSpan.FromMinutes(5)) yield return $"{Name}.LongPoll is {o.LongPoll}: use 0 to 5 minutes";
        if (o.PollInterval < TimeSpan.FromMilliseconds(10) || o.PollInterval > TimeSpan.FromMinutes(1))
            yield return $"{Name}.PollInterval is {o.PollInterval}: use 10 ms to 1 minute";
        if (o.WorkerTokens.Any(string.IsNullOrWhiteSpace)) yield return $"{Name}.WorkerTokens holds an empty token";
        if (o.BlobCollectionInterval < TimeSpan.Zero || o.BlobCollectionInterval > TimeSpan.FromDays(30))
            yield return $"{Name}.BlobCollectionInterval is {o.BlobCollectionInterval}: use up to 30 days, or 0 to turn collection off";
        if (o.JobRecordRetention is { } jobs && jobs < TimeSpan.Zero) yield return $"{Name}.JobRecordRetention is {jobs}: use 0 or more, or null to keep job records";
        if (o.ExecutionLogRetention is { } logs && logs < TimeSpan.Zero) yield return $"{Name}.ExecutionLogRetention is {logs}: use 0 or more, or null to keep logs and feedback";
        if (o.RetentionInterval < TimeSpan.Zero || o.RetentionInterval > TimeSpan.FromDays(30))
            yield return $"{Name}.RetentionInterval is {o.RetentionInterval}: use up to 30 days, or 0 to turn pruning off";
        if (!o.AuthEnabled && !ServerEndpoint.From(o).IsLoopback)
            yield return $"{Name}.AuthEnabled is false while the server listens on {ServerEndpoint.From(o).Host}: sign-in may be turned off on a loopback address only";
        if (o.CertificatePath != null && !File.Exists(o.CertificatePath)) yield return $"{Name}.CertificatePath: there is no file {o.CertificatePath}";
        if (o.MaxUploadBytes is <= 0) yield return $"{Name}.MaxUploadBytes is {o.MaxUploadBytes}: use a positive size, or null for no limit";
    }

    private static string? UrlsProblem(string urls)
    {
        BindingAddress address;
        try { address = BindingAddress.Parse(urls.Trim()); }
        catch (FormatException e) { return e.Message; }
        if (address.Scheme is not ("http" or "https")) return "only http:// and https:// are served";
        if (address.IsUnixPipe) return "unix sockets are not supported";
        if (address.PathBase.Length > 0) return "a path is not supported";
        return ServerEndpoint.HostProblem(address.Host);
    }
}
