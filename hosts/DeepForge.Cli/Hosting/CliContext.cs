using DeepForge.Configuration;
using DeepForge.Hosting;
using DeepForge.Torch.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Cli.Hosting;

/// <summary>What every command shares: the data folder, its config, and (made on first use) the engine.</summary>
internal sealed class CliContext : IAsyncDisposable
{
    private ServiceProvider? _services;

    public string DataDirectory { get; } = DeepForgeOptions.DefaultDataDirectory();

    public DeepForgeConfig Config => new(DataDirectory);

    public DeepForgeEngine Engine => Services.GetRequiredService<DeepForgeEngine>();

    public ServiceProvider Services => _services ??= Build(DataDirectory, Config);

    public static ServiceProvider Build(string dataDirectory, DeepForgeConfig config, Action<DeepForgeBuilder>? more = null)
    {
        var services = new ServiceCollection();
        AddEngine(services, dataDirectory, config, more);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>The engine as every host of the command has it: the data folder's SQLite store, blob.dir, the shipped seeds, the installed extensions, Torch.</summary>
    public static IServiceCollection AddEngine(IServiceCollection services, string dataDirectory, DeepForgeConfig config, Action<DeepForgeBuilder>? more = null)
    {
        PrivateFiles.CreateFolder(dataDirectory);
        return services.AddDeepForge(df =>
        {
            df.UseDataDirectory(dataDirectory)
              .UseBlobDirectory(config.GetString("blob.dir"))
              .UseSqlite(Path.Combine(dataDirectory, "deepforge.db"))
              .AddSeedDirectory(Path.Combine(AppContext.BaseDirectory, "seeds"))
              .AddInstalledExtensions(dataDirectory)
              .AddTorch();
            more?.Invoke(df);
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_services != null) await _services.DisposeAsync();
    }
}
