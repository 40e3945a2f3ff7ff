using DeepForge.Configuration;
using DeepForge.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Cli.Hosting;

/// <summary>The worker as the command runs it: jobs in child processes of this command, folders from the config, CUDA from TorchSharp.</summary>
internal static class WorkerSetup
{
    public static IServiceCollection AddWorker(this IServiceCollection services, DeepForgeConfig config, string serverUrl, string token, IReadOnlyList<string> labels, int slots) =>
        services.AddDeepForgeWorker(w =>
        {
            w.ServerUrl = serverUrl;
            w.Token = token;
            w.Slots = slots;
            w.Labels.AddRange(labels);
            w.DataDirectory = config.DataDirectory;
            w.WorkDirectory = config.GetString("worker.dir");
            w.CacheDirectory = config.GetString("worker.cache.dir");
            w.UseBlob = (bool)config.Get("worker.cache.useBlob");
            w.ServerBlobDirectory = config.GetString("blob.dir");
            w.ChildCommand.AddRange(ChildProcessCommand.Current());
            w.CudaAvailable = CudaProbe.IsAvailable;
        });
}
