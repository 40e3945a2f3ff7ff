using DeepForge.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Designer.Tests;

/// <summary>
/// Jobs run in the test's process on the engine's own runner (as `deepforge run` runs them) instead of waiting for a
/// worker to lease them: where the pages are under test, not the runner protocol.
/// </summary>
internal static class InProcessJobs
{
    /// <summary>
    /// Adds the server (<paramref name="addServer"/>) but keeps the engine's in-process job runner, which the server
    /// replaces with its queue for workers. The runner's type is internal to DeepForge.Core, hence the name.
    /// </summary>
    public static void Use(IServiceCollection services, Action<IServiceCollection> addServer)
    {
        services.AddDeepForge();
        var inProcess = services.Last(d => d.ServiceType.FullName == "DeepForge.Runtime.IJobRunner");
        addServer(services);
        services.Add(inProcess); // the last registration is the one resolved
    }
}
