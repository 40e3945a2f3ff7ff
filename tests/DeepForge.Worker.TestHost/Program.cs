using DeepForge;
using DeepForge.Worker;
using Microsoft.Extensions.DependencyInjection;

// Usage: DeepForge.Worker.TestHost <job folder>. Builds DeepForge's services as a host would (plugins
// only: a job process needs no store) and runs the job the worker prepared in that folder.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: DeepForge.Worker.TestHost <job folder>");
    return 2;
}
await using var services = new ServiceCollection().AddDeepForgePlugins().BuildServiceProvider();
return await JobChild.RunAsync(args[^1], services);
