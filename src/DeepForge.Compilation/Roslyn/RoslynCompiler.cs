using DeepForge.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace DeepForge.Compilation.Roslyn;

/// <summary>Compiles a project's C# sources with Roslyn; problems name file, line and column.</summary>
internal static class RoslynCompiler
{
    internal const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using DeepForge.Operations;
        global using DeepForge.Feedback;
        """;

    public static CSharpCompilation Create(string assemblyName, IReadOnlyList<SourceFile> sources)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, System.Text.Encoding.UTF8), options, s.Path))
            .Append(CSharpSyntaxTree.ParseText(SourceText.From(GlobalUsings, System.Text.Encoding.UTF8), options, "<global usings>"));
        return CSharpCompilation.Create(assemblyName, trees, MetadataReferences.Current(),
            // Compiled for debugging: optimized code loses frames to inlining and names the wrong line, and a failure must
            // name the line the person wrote. Heavy work runs in TorchSharp's native code, which this does not slow.
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Debug,
                nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false, deterministic: true));
    }

    /// <summary>
    /// Emits the assembly with its debug information embedded, so a failing operation's stack names the project's
    /// own file and line (<c>operations/Ticker.cs:14</c>) wherever the assembly runs; returns its bytes (null on errors)
    /// and every error and warning as a problem.
    /// </summary>
    public static (byte[]? Image, IReadOnlyList<Problem> Errors, IReadOnlyList<Problem> Warnings) Emit(CSharpCompilation compilation,
        CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded), cancellationToken: cancellationToken);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(ToProblem).ToList();
        var warnings = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(ToProblem).ToList();
        return (result.Success ? stream.ToArray() : null, errors, warnings);
    }

    public static Problem ToProblem(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var location = span.IsValid ? $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})" : "project";
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return new Problem(location, $"{location}: {severity} {diagnostic.Id}: {diagnostic.GetMessage()}");
    }
}
