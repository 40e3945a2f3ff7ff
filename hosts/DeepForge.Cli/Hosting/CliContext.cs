using DeepForge.Configuration;
using DeepForge.Hosting;
using DeepForge.Torch.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Cli.Hosting;

/// <summary>What every command shares: the data folder, its config, and (made on first use) the engine.</summary>
internal sealed class CliContext : IAsyncDisposable
{
    private ServiceProvider? _services;

    public string DataDirectory { get; } = CheckedDataDirectory();

    public DeepForgeConfig Config => new(DataDirectory);

    public DeepForgeEngine Engine => Services.GetRequiredService<DeepForgeEngine>();

    public ServiceProvider Services => _services ??= BuildOwn(DataDirectory, Config);

    // A command runs pipelines and nothing else in its process: any exit while a job runs is that job's.
    private static ServiceProvider BuildOwn(string dataDirectory, DeepForgeConfig config)
    {
        var services = Build(dataDirectory, config);
        services.GetService<DeepForge.Runtime.ProcessExitRecorder>()?.OwnsProcess();
        return services;
    }

    public static ServiceProvider Build(string dataDirectory, DeepForgeConfig config, Action<DeepForgeBuilder>? more = null)
    {
        var services = new ServiceCollection();
        AddEngine(services, dataDirectory, config, more);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>
    /// The engine as every host of the command has it: the store the setting <c>store</c> names (the data folder's SQLite file
    /// by default), blob.dir, the shipped seeds, the installed extensions, Torch; and the extension installer over the same data
    /// folder (the designer's extensions page uses it on a server).
    /// </summary>
    public static IServiceCollection AddEngine(IServiceCollection services, string dataDirectory, DeepForgeConfig config, Action<DeepForgeBuilder>? more = null)
    {
        PrivateFiles.CreateFolder(dataDirectory);
        TorchSetting.Apply(config);
        services.AddDeepForgeExtensions(o => o.DataDirectory = dataDirectory);
        services.AddDeepForgeSchedules();
        return services.AddDeepForge(df =>
        {
            df.UseDataDirectory(dataDirectory)
              .UseBlobDirectory(config.GetString("blob.dir"))
              .AddSeedDirectory(Path.Combine(AppContext.BaseDirectory, "seeds"))
              .AddInstalledExtensions(dataDirectory)
              .AddTorch()
              .AddCompilation();
            StoreSetting.Apply(df, config);
            more?.Invoke(df);
        });
    }

    /// <summary>
    /// What a worker's job process needs of the engine, and no more: the same plugins as <see cref="AddEngine"/> (DeepForge's own,
    /// Torch, the installed extensions, <paramref name="more"/>), with no store, seeds, compiler, schedules or extension installer.
    /// A job runs from its job folder and the worker's cache (<see cref="DeepForge.Worker.JobChild"/> asks its services for the
    /// plugins alone), and every job process pays for what it builds: the whole engine cost each one tens of milliseconds of CPU,
    /// and opened the data folder's store besides.
    /// </summary>
    public static ServiceProvider BuildForJob(string dataDirectory, DeepForgeConfig config, Action<DeepForgeBuilder>? more = null)
    {
        var services = new ServiceCollection();
        AddJobPlugins(services, dataDirectory, config, more);
        return services.BuildServiceProvider();
    }

    /// <summary>The plugins of <see cref="AddEngine"/> alone (see <see cref="BuildForJob"/>).</summary>
    public static IServiceCollection AddJobPlugins(IServiceCollection services, string dataDirectory, DeepForgeConfig config, Action<DeepForgeBuilder>? more = null)
    {
        PrivateFiles.CreateFolder(dataDirectory);
        TorchSetting.Apply(config);
        return services.AddDeepForgePlugins(df =>
        {
            df.UseDataDirectory(dataDirectory)
              .AddInstalledExtensions(dataDirectory)
              .AddTorch();
            more?.Invoke(df);
        });
    }

    // DEEPFORGE_DATA_DIR holds for one run from one folder: a relative path means that folder. A file there is no data folder.
    private static string CheckedDataDirectory()
    {
        var directory = Path.GetFullPath(DeepForgeOptions.DefaultDataDirectory());
        if (File.Exists(directory))
            throw new DeepForgeException("DEEPFORGE_DATA_DIR", $"the data folder {directory} is a file: point DEEPFORGE_DATA_DIR at a folder (it is made when missing)");
        return directory;
    }

    /// <summary>
    /// The person pressed Ctrl+C (or the process got SIGTERM): if the parser ends the process because a job ignores the
    /// cancel, that exit is no operation's failure, and the run shows as interrupted (resumable), not failed.
    /// </summary>
    public void StopAsked() => _services?.GetService<DeepForge.Runtime.ProcessExitRecorder>()?.StopAsked();

    public async ValueTask DisposeAsync()
    {
        if (_services != null) await _services.DisposeAsync();
    }
}
