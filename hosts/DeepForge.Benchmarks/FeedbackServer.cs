using DeepForge.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeepForge.Benchmarks;

/// <summary>
/// The server of <c>bench feedback</c>: the command's engine over a data folder (its store setting), the REST API and
/// the designer on a free loopback port, with jobs run in this process by the engine's own runner, as a
/// single-machine <c>deepforge start</c> runs them; and one admin to sign the browser in.
/// </summary>
internal sealed class FeedbackServer : IAsyncDisposable
{
    private const string Admin = "bench";
    private readonly WebApplication _app;

    private FeedbackServer(WebApplication app, string url) => (_app, Url) = (app, url);

    public string Url { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<FeedbackServer> StartAsync(BenchHost host, string dataDirectory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        host.AddEngine(builder.Services, dataDirectory, BenchWorkerHost.AddPlugin);
        // The engine's in-process runner is kept: the server would replace it with its queue for workers.
        var inProcess = builder.Services.Last(d => d.ServiceType.FullName == "DeepForge.Runtime.IJobRunner");
        builder.Services.AddDeepForgeServer(s => (s.Host, s.Port) = ("127.0.0.1", 0));
        builder.Services.Add(inProcess);
        builder.Services.AddDeepForgeDesigner();
        var app = builder.Build();
        try
        {
            app.MapDeepForgeServer();
            app.MapDeepForgeDesigner();
            await app.StartAsync(cancellationToken);
            var url = app.Urls.FirstOrDefault() ?? throw new InvalidOperationException("the bench server started without an address");
            var people = app.Services.GetRequiredService<People>();
            if (await people.GetAsync(Admin, cancellationToken) == null) await people.AddAsync(Admin, PersonRole.Admin, Guid.NewGuid().ToString("n"), cancellationToken);
            return new FeedbackServer(app, url.TrimEnd('/'));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The designer's sign-in cookie, got as a person does: a one-time sign-in address opened once.</summary>
    public async Task<string> SignInCookieAsync(CancellationToken cancellationToken)
    {
        var token = await Services.GetRequiredService<SignInTokens>().CreateAsync(Admin, null, cancellationToken);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(Url) };
        using var response = await http.GetAsync($"/?token={token}", cancellationToken);
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("deepforge=", StringComparison.Ordinal));
        return cookie["deepforge=".Length..];
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _app.StopAsync(stop.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
