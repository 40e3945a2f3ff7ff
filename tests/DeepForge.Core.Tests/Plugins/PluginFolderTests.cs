using System.Runtime.Loader;
using DeepForge.Catalog;
using DeepForge.Operations;
using DeepForge.Plugins;

namespace DeepForge.Core.Tests.Plugins;

/// <summary>Plugin folders (installed extensions): the plugin's own dependencies come from its folder, Core's types from the host.</summary>
public sealed class PluginFolderTests
{
    [Fact]
    public void APluginsPrivateDependency_Loads_FromItsFolder()
    {
        using var folder = PluginFolder.Create();
        var plugins = new PluginRegistry();

        plugins.LoadDirectory(folder.Directory);

        var greet = Plugin(plugins, folder).GetType(folder.OperationType, throwOnError: true)!;
        Assert.Equal(PluginFolder.Greeting, greet.GetMethod("Execute")!.Invoke(Activator.CreateInstance(greet), []));
    }

    [Fact]
    public void APluginsPrivateDependency_LoadsInThePluginsContext_NotTheHosts()
    {
        using var folder = PluginFolder.Create();
        var plugins = new PluginRegistry();
        plugins.LoadDirectory(folder.Directory);
        var greet = Plugin(plugins, folder).GetType(folder.OperationType, throwOnError: true)!;

        greet.GetMethod("Execute")!.Invoke(Activator.CreateInstance(greet), []);

        var words = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == $"{folder.Name}.Words");
        Assert.Same(AssemblyLoadContext.GetLoadContext(greet.Assembly), AssemblyLoadContext.GetLoadContext(words));
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(words));
    }

    [Fact]
    public void APluginsOperations_AreCoresOperations_WhenItsFolderHoldsACopyOfCore()
    {
        using var folder = PluginFolder.Create();
        folder.CopyIn(typeof(Operation).Assembly);
        var plugins = new PluginRegistry();

        plugins.LoadDirectory(folder.Directory);

        var catalog = new OperationCatalog(plugins.Assemblies, []);
        Assert.Empty(catalog.Errors);
        Assert.NotNull(catalog.Find("Greet"));
        Assert.Same(typeof(Operation).Assembly, Plugin(plugins, folder).GetType(folder.OperationType, throwOnError: true)!.BaseType!.Assembly);
    }

    [Fact]
    public void AFolderWithoutPlugins_AddsNothing()
    {
        using var folder = PluginFolder.Create();
        File.Delete(Path.Combine(folder.Directory, folder.PluginName + ".dll"));
        var plugins = new PluginRegistry();

        plugins.LoadDirectory(folder.Directory);

        Assert.Empty(plugins.Assemblies);
    }

    private static System.Reflection.Assembly Plugin(PluginRegistry plugins, PluginFolder folder) =>
        plugins.Assemblies.Single(a => a.Name == folder.PluginName).Assembly;
}
