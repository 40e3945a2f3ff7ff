using System.Runtime.CompilerServices;
using DeepForge.Catalog;
using DeepForge.Models;

namespace DeepForge.Core.Tests;

/// <summary>
/// An unloaded version of project code is freed only by a full collection, which a server with free memory rarely
/// runs on its own: the engine asks for one after unloading, so old versions go without anyone else collecting.
/// </summary>
public sealed class UnloadCollectorTests
{
    private const int Kept = 2;

    [Fact]
    public async Task UnloadedVersions_AreFreed_WithoutTheHostCollecting()
    {
        await using var df = TestEngine.Create(b => b.Configure(o => o.LoadedCodeVersions = Kept));
        var contexts = new List<WeakReference>();
        for (var version = 0; version < Kept + 6; version++) contexts.Add(await ContextOfAsync(df, Version(version)));

        // No GC.Collect here: only the engine's own request can free the pushed-out versions in time.
        await Eventually.TrueAsync(() => contexts.Take(6).All(c => !c.IsAlive), "the unloaded versions to be freed", seconds: 60);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> ContextOfAsync(TestEngine df, IReadOnlyList<SourceFile> sources)
    {
        using var lease = await df.Get<CatalogProvider>().ForAsync(sources, CancellationToken.None);
        return new WeakReference(lease.Catalog.ProjectContext ?? throw new InvalidOperationException("project code has no context"));
    }

    private static IReadOnlyList<SourceFile> Version(int version) =>
    [
        new SourceFile("ops/Make.cs", $$"""
            namespace Collected;

            public sealed class Make : Operation
            {
                [return: Output("n")]
                public int Execute() => {{version}};
            }
            """),
    ];
}
