using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NuGet.Packaging;
using NuGet.Versioning;

namespace DeepForge.Designer.Tests.Extensions;

/// <summary>
/// The extension of <c>dotnet new deepforge-extension</c> (templates/DeepForge.Templates) named AcmeExt, compiled
/// here with Roslyn and packed with NuGet.Packaging as <c>dotnet pack</c> lays it out: lib/net10.0/AcmeExt.dll
/// and its seed under seeds/. Made once per test class, in seconds rather than a full pack of DeepForge.
/// </summary>
public sealed class AcmeExtension : IDisposable
{
    public const string Id = "AcmeExt";
    public const string Operation = "AcmeExtOperation";
    public const string Seed = "AcmeExt-demo";

    public AcmeExtension()
    {
        Directory.CreateDirectory(Feed);
        var template = Path.Combine(FindRepository(), "templates", "DeepForge.Templates", "content", "deepforge-extension");
        var assembly = Path.Combine(Root, "AcmeExt.dll");
        Compile(template, assembly);
        Pack(template, assembly);
        Directory.CreateDirectory(ServerFolder);
        File.WriteAllText(Path.Combine(ServerFolder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="acme" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "deepforge-designer-tests", "acme-" + Guid.NewGuid().ToString("n")[..8]);

    /// <summary>A folder feed holding only the package.</summary>
    public string Feed => Path.Combine(Root, "feed");

    public string Package => Path.Combine(Feed, $"{Id}.1.0.0.nupkg");

    /// <summary>The server's folder: its nuget.config lists <see cref="Feed"/> as the only package source.</summary>
    public string ServerFolder => Path.Combine(Root, "server");

    private static string Rename(string text) => text.Replace("My_Extension", "AcmeExt").Replace("My.Extension", "AcmeExt");

    private static void Compile(string template, string output)
    {
        var trees = Directory.GetFiles(template, "*.cs").Select(f => CSharpSyntaxTree.ParseText(Rename(File.ReadAllText(f)), path: f))
            .Append(CSharpSyntaxTree.ParseText("""
                global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic;
                [assembly: System.Reflection.AssemblyInformationalVersion("1.0.0")]
                """));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("AcmeExt", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var result = compilation.Emit(output);
        Assert.True(result.Success, "the template extension does not compile: " + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
    }

    private void Pack(string template, string assembly)
    {
        var builder = new PackageBuilder { Id = Id, Version = NuGetVersion.Parse("1.0.0"), Description = "AcmeExt: a DeepForge extension", Authors = { "tests" } };
        builder.Files.Add(new PhysicalPackageFile { SourcePath = assembly, TargetPath = "lib/net10.0/AcmeExt.dll" });
        var seeds = Path.Combine(template, "seeds");
        foreach (var file in Directory.GetFiles(seeds, "*", SearchOption.AllDirectories))
        {
            var renamed = Path.Combine(Root, "seeds", Rename(Path.GetRelativePath(seeds, file)));
            Directory.CreateDirectory(Path.GetDirectoryName(renamed)!);
            File.WriteAllText(renamed, Rename(File.ReadAllText(file)));
            builder.Files.Add(new PhysicalPackageFile { SourcePath = renamed, TargetPath = "seeds/" + Rename(Path.GetRelativePath(seeds, file)).Replace('\\', '/') });
        }
        using var stream = File.Create(Package);
        builder.Save(stream);
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DeepForge.sln"))) return dir.FullName;
        throw new InvalidOperationException("DeepForge.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose() => TestFolders.Delete(Root);
}
