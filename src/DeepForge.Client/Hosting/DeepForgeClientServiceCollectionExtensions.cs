using DeepForge.Client;
using DeepForge.Client.Http;
using DeepForge.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;

// In the root namespace with every AddX/UseX of DeepForge, so `using DeepForge;` is all a host needs.
namespace DeepForge;

/// <summary>Registers the DeepForge client with a service collection.</summary>
public static class DeepForgeClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> both clients send through.</summary>
    public const string HttpClientName = "DeepForge.Client";

    /// <summary>
    /// Adds <see cref="IDeepForgeClient"/> (the REST API) and <see cref="IRunnerClient"/> (the runner protocol):
    /// <c>services.AddDeepForgeClient(o =&gt; { o.ServerUrl = new Uri("http://gpu-box:8888"); o.Token = token; })</c>.
    /// Failed attempts are retried with jittered exponential backoff as <see cref="DeepForgeClientOptions"/> says;
    /// the options are checked when a client is first made, naming the option and the fix.
    /// Gives the <see cref="IHttpClientBuilder"/> for a host that adds handlers of its own.
    /// </summary>
    public static IHttpClientBuilder AddDeepForgeClient(this IServiceCollection services, Action<DeepForgeClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<DeepForgeClientOptions>().Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeepForgeClientOptions>, DeepForgeClientOptionsValidator>());
        services.TryAddTransient<IDeepForgeClient>(sp => new RestClient(Transport(sp)));
        services.TryAddTransient<IRunnerClient>(sp => new RunnerClient(Transport(sp)));
        var builder = services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectTimeout = sp.GetRequiredService<IOptions<DeepForgeClientOptions>>().Value.ConnectTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        QuietenAttempts(services);
        builder.AddResilienceHandler("retry", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<DeepForgeClientOptions>>().Value;
            if (options.MaxRetries == 0) return;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(RetryRule.ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
            });
        });
        return builder;
    }

    // Polly logs every attempt (Information), every retry (Warning) and the last failed attempt (Error): a worker long-polls
    // all day, and a failure reaches the caller as a DeepForgeApiException that the hosts report once, in their own words
    // (a server gone, a server back). This client's events become Debug; other
    // pipelines of the application keep their severities.
    private static void QuietenAttempts(IServiceCollection services) =>
        services.Configure<TelemetryOptions>(options =>
        {
            var previous = options.SeverityProvider;
            options.SeverityProvider = args =>
                args.Source.PipelineName?.StartsWith(HttpClientName + "-", StringComparison.Ordinal) == true
                    ? ResilienceEventSeverity.Debug
                    : previous?.Invoke(args) ?? args.Event.Severity;
        });

    private static ApiTransport Transport(IServiceProvider services) =>
        new(services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), services.GetRequiredService<IOptions<DeepForgeClientOptions>>().Value);
}
