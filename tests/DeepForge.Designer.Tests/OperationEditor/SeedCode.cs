using DeepForge.Catalog;
using DeepForge.Models;

namespace DeepForge.Designer.Tests.OperationEditor;

/// <summary>A fashion-mnist project on a real engine (with this test assembly as a plugin, for <see cref="ShoutPlugin"/>), its operations' sources, and reading edited code back as the editor does.</summary>
internal sealed class SeedCode : IAsyncDisposable
{
    public const string Project = "fm";

    private readonly TestEngine _engine = new(TestSeeds.Copied, plugin: typeof(ShoutPlugin).Assembly);

    public DeepForgeEngine Engine => _engine.Engine;

    public static async Task<SeedCode> CreateAsync()
    {
        var seed = new SeedCode();
        await seed.Engine.Projects.CreateAsync(Project, "fashion-mnist");
        return seed;
    }

    /// <summary>The stored source of the seed's operation class <paramref name="className"/>.</summary>
    public async Task<SourceFile> SourceAsync(string className) =>
        (await Engine.Projects.GetAsync(Project)).Sources.SingleOrDefault(s => s.Path.EndsWith($"/{className}.cs", StringComparison.Ordinal))
        ?? throw new InvalidOperationException(string.Join(", ", (await Engine.Projects.GetAsync(Project)).Sources.Select(s => s.Path)));

    /// <summary>Reads the project with <paramref name="text"/> in place of the file at <paramref name="path"/>.</summary>
    public Task<SourceReadResult> ReadAsync(string path, string text) => Engine.Projects.ReadOperationsAsync(Project, new SourceFile(path, text));

    public ValueTask DisposeAsync() => _engine.DisposeAsync();
}
