using DeepForge.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Benchmarks;

/// <summary>
/// What the deepforge command lends the benchmarks (see <see cref="BenchmarkCommands.Create"/>): its engine and its worker as
/// it sets them up, and the command line that starts it again, for worker processes and their jobs' child processes.
/// </summary>
internal sealed record BenchHost(
    Action<IServiceCollection, string, Action<DeepForgeBuilder>?> AddEngine,
    Action<IServiceCollection, string, string, string, int> AddWorker,
    IReadOnlyList<string> Command)
{
    /// <summary>The command's engine over <paramref name="dataDirectory"/>, with <paramref name="more"/> (the bench plugin, say).</summary>
    public ServiceProvider Build(string dataDirectory, Action<DeepForgeBuilder>? more = null)
    {
        var services = new ServiceCollection();
        AddEngine(services, dataDirectory, more);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>The data folder of this process, as the command reads it (DEEPFORGE_DATA_DIR, else ~/.deepforge).</summary>
    public static string DataDirectory => Path.GetFullPath(DeepForgeOptions.DefaultDataDirectory());
}
