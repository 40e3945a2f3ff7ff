using DeepForge.Operations;
using DeepForge.Plugins;
using DeepForge.Runtime;
using DeepForge.Worker.Jobs;

namespace DeepForge.Worker.Tests;

/// <summary>Which jobs a job process loads a native library (libtorch) for: judged from the assembly of the job's operation.</summary>
public sealed class NativeNeedTests
{
    /// <summary>A plugin operation of this test assembly.</summary>
    [Operation(Name = "NativeNeedProbe")]
    public sealed class Probe : Operation
    {
        [return: Output("value")]
        public int Execute() => 1;
    }

    private static PluginRegistry Plugins()
    {
        var plugins = new PluginRegistry();
        plugins.Add("tests", typeof(NativeNeedTests).Assembly);
        return plugins;
    }

    private static JobSpec Job(string operation, string? assemblyBlob = null) => new()
    {
        ExecutionId = "e", NodeId = "n", Attempt = 1, Operation = operation, AssemblyBlob = assemblyBlob,
    };

    [Fact]
    public void Need_IsFalse_WhenThePluginAssemblyReachesNoAssemblyOfThatName() =>
        Assert.False(NativeNeed.Of(Job("NativeNeedProbe"), Plugins(), "NoSuchManagedWrapper"));

    [Fact]
    public void Need_IsTrue_WhenThePluginAssemblyReferencesItDirectly() =>
        Assert.True(NativeNeed.Of(Job("NativeNeedProbe"), Plugins(), "DeepForge.Worker"));

    [Fact]
    public void Need_IsTrue_WhenThePluginAssemblyReachesItThroughAnotherAssembly() =>
        // The tests reference Core, and Core references Microsoft.Extensions.Options; the tests themselves do not.
        Assert.True(NativeNeed.Of(Job("NativeNeedProbe"), Plugins(), "Microsoft.Extensions.Options"));

    [Fact]
    public void Need_IsTrue_ForProjectCode_WhichMayUseAnything() =>
        Assert.True(NativeNeed.Of(Job("NativeNeedProbe", assemblyBlob: new string('a', 64)), Plugins(), "NoSuchManagedWrapper"));

    [Fact]
    public void Need_IsTrue_WhenTheOperationIsFoundInNoPlugin() =>
        Assert.True(NativeNeed.Of(Job("NoPluginHasThis"), Plugins(), "NoSuchManagedWrapper"));
}
