using System.Runtime.CompilerServices;
using DeepForge.Catalog;
using DeepForge.Models;
using Xunit.Abstractions;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

/// <summary>
/// A server compiles a new version of a project's code on every edit: each loads into its own collectible context,
/// and once no run or catalog uses it and newer ones push it out of the few kept, it must be freed.
/// </summary>
[Collection(nameof(HeapMeasuring))]
public sealed class CodeUnloadTests(ITestOutputHelper output)
{
    private const int Kept = 4;
    private const int Versions = 200;
    private const int WarmUp = 20;

    [Fact]
    public async Task OldVersionsOfProjectCode_AreCollected_AfterTheyWereCompiledAndRun()
    {
        await using var df = TestEngine.Create(b => b.Configure(o => o.LoadedCodeVersions = Kept));
        var contexts = new List<WeakReference>();
        long before = 0, workingSetBefore = 0;
        var assembliesBefore = 0;
        for (var version = 0; version < Versions; version++)
        {
            // A run goes through everything that meets project types: validation, the enum attribute, the record output stored as JSON.
            var execution = await df.RunAsync(Version(version), "main");
            Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
            contexts.Add(await ContextOfAsync(df, Version(version).Sources));
            if (version != WarmUp - 1) continue;
            before = SettledHeap();
            workingSetBefore = Environment.WorkingSet;
            assembliesBefore = AppDomain.CurrentDomain.GetAssemblies().Length;
        }

        var after = SettledHeap();
        var alive = contexts.Count(c => c.IsAlive);
        var assembliesAfter = AppDomain.CurrentDomain.GetAssemblies().Length;
        output.WriteLine($"{Versions} versions, {Kept} kept: managed heap {Mb(before)} MB after {WarmUp}, {Mb(after)} MB after {Versions} " +
                         $"({(after - before) / 1024.0 / (Versions - WarmUp):F1} KiB per version); working set {Mb(workingSetBefore)} -> {Mb(Environment.WorkingSet)} MB; " +
                         $"{alive} contexts alive, {df.Get<CatalogProvider>().LoadedCount} catalogs loaded, assemblies {assembliesBefore} -> {assembliesAfter}");
        Assert.All(contexts.Take(Versions - Kept), c => Assert.False(c.IsAlive));
        Assert.InRange(assembliesAfter, 0, assembliesBefore + Kept); // the warm-up's versions went too; no new version stayed but the kept
        // Bounded by what the store and caches of the engine keep, not by the number of versions.
        Assert.InRange(after - before, long.MinValue, 8L * 1024 * 1024);
    }

    [Fact]
    public async Task VersionInUse_StaysLoaded_WhileNewerVersionsPushOlderOnesOut()
    {
        await using var df = TestEngine.Create(b => b.Configure(o => o.LoadedCodeVersions = 2));
        var catalogs = df.Get<CatalogProvider>();
        using var held = await catalogs.ForAsync(Version(0).Sources, CancellationToken.None);

        for (var version = 1; version <= 3; version++)
            (await catalogs.ForAsync(Version(version).Sources, CancellationToken.None)).Dispose();
        using var again = await catalogs.ForAsync(Version(0).Sources, CancellationToken.None);

        Assert.Same(held.Catalog, again.Catalog);
        Assert.Equal(2, catalogs.LoadedCount); // the one in use plus the most recently used of the others
    }

    [Fact]
    public void LoadedCodeVersions_IsRefused_WhenBelowOne()
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            TestEngine.Create(b => b.Configure(o => o.LoadedCodeVersions = 0)));

        Assert.Contains("LoadedCodeVersions must be at least 1", error.Message);
    }

    // Not inlined: no local of the caller may keep the context reachable.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> ContextOfAsync(TestEngine df, IReadOnlyList<SourceFile> sources)
    {
        using var lease = await df.Get<CatalogProvider>().ForAsync(sources, CancellationToken.None);
        return new WeakReference(lease.Catalog.ProjectContext ?? throw new InvalidOperationException("project code has no context"));
    }

    private static long SettledHeap()
    {
        // A context is freed over several collections: its types, then its loader allocator's finalizer, then the rest.
        for (var i = 0; i < 10; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    private static ProjectDefinition Version(int version) => new()
    {
        Name = "edited",
        Pipelines = [Pipeline().Op("make", "Make", ("mode", "B")).Output("out", "reading").Wire("make.reading", "out.data")],
        Sources = [new SourceFile("ops/Make.cs", $$"""
            namespace Edited;

            public enum Mode { A, B }

            public sealed record Reading(int Version, string Mode);

            public sealed class Make(Mode mode = Mode.A) : Operation
            {
                [return: Output("reading")]
                public Reading Execute() => new({{version}}, mode.ToString());
            }
            """)],
    };
}
