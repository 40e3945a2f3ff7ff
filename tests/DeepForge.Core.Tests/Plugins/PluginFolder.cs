using DeepForge.Compilation.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepForge.Core.Tests.Plugins;

/// <summary>
/// A plugin folder as an extension leaves it: <c>{Name}.Plugin.dll</c>, whose operation <c>Greet</c> returns what its
/// private dependency <c>{Name}.Words.dll</c> (beside it, unknown to the host) says. Names are new each time, so folders
/// of several tests load side by side in one process.
/// </summary>
internal sealed class PluginFolder : IDisposable
{
    public const string Greeting = "hello from a private dependency";

    private PluginFolder(string directory, string name) => (Directory, Name) = (directory, name);

    public string Directory { get; }

    /// <summary>The prefix of the folder's assembly names (<c>Acme1a2b3c4d</c>).</summary>
    public string Name { get; }

    public string PluginName => $"{Name}.Plugin";

    public string OperationType => $"{Name}.Greet";

    public static PluginFolder Create()
    {
        var name = "Acme" + Guid.NewGuid().ToString("n")[..8];
        var directory = Path.Combine(Path.GetTempPath(), "deepforge-core-tests", "plugins-" + name);
        System.IO.Directory.CreateDirectory(directory);
        var words = Emit(directory, $"{name}.Words", $$"""
            namespace {{name}};
            public static class Words { public static string Hello() => "{{Greeting}}"; }
            """);
        Emit(directory, $"{name}.Plugin", $$"""
            using DeepForge.Operations;
            namespace {{name}};
            public sealed class Greet : Operation
            {
                [return: Output("text")]
                public string Execute() => Words.Hello();
            }
            """, MetadataReference.CreateFromFile(words));
        return new PluginFolder(directory, name);
    }

    /// <summary>Puts a copy of one of the host's assemblies in the folder, as a plugin published with its dependencies would.</summary>
    public void CopyIn(System.Reflection.Assembly hostAssembly) =>
        File.Copy(hostAssembly.Location, Path.Combine(Directory, Path.GetFileName(hostAssembly.Location)));

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static string Emit(string directory, string assemblyName, string source, params MetadataReference[] more)
    {
        var compilation = CSharpCompilation.Create(assemblyName, [CSharpSyntaxTree.ParseText(source)],
            MetadataReferences.Current().Concat(more), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(directory, assemblyName + ".dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    }
}
