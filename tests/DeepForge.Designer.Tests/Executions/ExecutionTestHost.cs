using DeepForge.Designer.Runs;
using DeepForge.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DeepForge.Designer.Tests.Executions;

/// <summary>
/// A real engine with the server's background executions, as the designer runs beside it, on SQLite in a fresh temp
/// folder. Jobs run in this process on the engine's own runner (as `deepforge run` runs them) instead of waiting for a
/// worker to lease them: the pages are under test here, not the runner protocol.
/// </summary>
internal sealed class ExecutionTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public ExecutionTestHost()
    {
        Directory = Path.Combine(Path.GetTempPath(), "deepforge-designer-tests", Guid.NewGuid().ToString("n"));
        System.IO.Directory.CreateDirectory(Directory);
        var services = new ServiceCollection().AddLogging();
        UseInProcessJobs(services, s => s.AddDeepForgeServer(o => (o.Host, o.Port) = ("127.0.0.1", 0)));
        services.AddDeepForge(df => df.UseSqlite(Path.Combine(Directory, "deepforge.db")).UseDataDirectory(Directory));
        services.AddSingleton<ExecutionStarter>();
        _services = services.BuildServiceProvider();
        Engine = _services.GetRequiredService<DeepForgeEngine>();
        Starter = _services.GetRequiredService<ExecutionStarter>();
    }

    public string Directory { get; }

    public DeepForgeEngine Engine { get; }

    public ExecutionStarter Starter { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>
    /// Adds the server (<paramref name="addServer"/>) but keeps the engine's in-process job runner, which the server
    /// replaces with its queue for workers. The runner's type is internal to DeepForge.Core, hence the name.
    /// </summary>
    public static void UseInProcessJobs(IServiceCollection services, Action<IServiceCollection> addServer)
    {
        services.AddDeepForge();
        var inProcess = services.Last(d => d.ServiceType.FullName == "DeepForge.Runtime.IJobRunner");
        addServer(services);
        services.Add(inProcess); // the last registration is the one resolved
    }

    public async ValueTask DisposeAsync()
    {
        // Stops runs still going in the background (a test that failed half-way) before their store goes.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (var hosted in _services.GetServices<IHostedService>()) await hosted.StopAsync(timeout.Token);
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
