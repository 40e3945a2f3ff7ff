using System.Reflection;
using System.Runtime.Loader;

namespace DeepForge.Benchmarks;

/// <summary>
/// The command loads this assembly into its own context, which finds only the command's dependencies; the few the
/// benchmarks add (Playwright for <c>bench feedback</c>) are resolved from this assembly's own deps.json, beside it.
/// </summary>
internal static class BenchAssemblies
{
    private static int _registered;

    public static void ResolveBesideThis()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        var resolver = new AssemblyDependencyResolver(typeof(BenchAssemblies).Assembly.Location);
        var context = AssemblyLoadContext.GetLoadContext(typeof(BenchAssemblies).Assembly) ?? AssemblyLoadContext.Default;
        context.Resolving += (loading, name) => resolver.ResolveAssemblyToPath(name) is { } path ? loading.LoadFromAssemblyPath(path) : null;
    }
}
