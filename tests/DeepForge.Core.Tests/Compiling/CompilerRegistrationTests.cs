using DeepForge.Catalog;
using DeepForge.Compilation;
using DeepForge.Plugins;
using Microsoft.Extensions.DependencyInjection;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests.Compiling;

/// <summary>Core compiles project code only through the <see cref="IProjectCompiler"/> that DeepForge.Compilation registers.</summary>
public sealed class CompilerRegistrationTests
{
    [Fact]
    public async Task ProjectCode_IsRefused_InOneLineNamingThePackageAndTheCall_WhenNoCompilerIsAdded()
    {
        await using var df = TestEngine.Create();
        var withoutCompiler = new CatalogProvider(df.Get<PluginRegistry>(), df.Blobs, df.Documents);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => withoutCompiler.ForAsync(Create().Sources, CancellationToken.None));

        Assert.Contains("DeepForge.Compilation", refused.Message, StringComparison.Ordinal);
        Assert.Contains("AddCompilation()", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public async Task OperationsFromSource_AreRefused_WhenNoCompilerIsAdded()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create());
        await using var withoutCompiler = new ServiceCollection()
            .AddDeepForge(o => o.UseSqlite(df.PathOf("deepforge.db")).UseDataDirectory(df.Directory)).BuildServiceProvider();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => withoutCompiler.GetRequiredService<DeepForgeEngine>().Projects.ReadOperationsAsync(Create().Name));

        Assert.Contains("AddCompilation()", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddingTheCompilerTwice_RegistersOneCompiler()
    {
        var services = new ServiceCollection().AddDeepForgeCompilation().AddDeepForgeCompilation();

        Assert.Single(services, s => s.ServiceType == typeof(IProjectCompiler));
    }

    [Fact]
    public void TheCompiler_GivesTheImage_AndTheCodeOfEachOperation()
    {
        using var services = new ServiceCollection().AddDeepForgeCompilation().BuildServiceProvider();

        var compiled = services.GetRequiredService<IProjectCompiler>().Compile("DeepForge.Project.Test", Create().Sources, CancellationToken.None);

        Assert.NotNull(compiled.Image);
        Assert.Empty(compiled.Errors);
        Assert.Contains("TestOps.Numbers", compiled.OperationCode.Keys);
    }
}
