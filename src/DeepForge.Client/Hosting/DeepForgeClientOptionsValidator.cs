using DeepForge.Client;
using Microsoft.Extensions.Options;

namespace DeepForge.Hosting;

/// <summary>Checks <see cref="DeepForgeClientOptions"/>: each failure names the option and what to set it to.</summary>
internal sealed class DeepForgeClientOptionsValidator : IValidateOptions<DeepForgeClientOptions>
{
    public ValidateOptionsResult Validate(string? name, DeepForgeClientOptions options)
    {
        var failures = new List<string>();
        if (options.ServerUrl is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
            failures.Add($"DeepForgeClientOptions.ServerUrl is '{options.ServerUrl}': set it to the server's address, e.g. http://127.0.0.1:8888");
        if (options.MaxRetries < 0)
            failures.Add($"DeepForgeClientOptions.MaxRetries is {options.MaxRetries}: set it to 0 (no retries) or more");
        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
            failures.Add($"DeepForgeClientOptions.RetryDelay ({options.RetryDelay}) must be above zero and at most MaxRetryDelay ({options.MaxRetryDelay})");
        if (options.RequestTimeout <= TimeSpan.Zero && options.RequestTimeout != Timeout.InfiniteTimeSpan)
            failures.Add($"DeepForgeClientOptions.RequestTimeout is {options.RequestTimeout}: set it above zero");
        if (options.ConnectTimeout <= TimeSpan.Zero)
            failures.Add($"DeepForgeClientOptions.ConnectTimeout is {options.ConnectTimeout}: set it above zero");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
