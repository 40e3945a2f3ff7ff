using DeepForge.Catalog;
using DeepForge.Compilation.Reading;
using DeepForge.Compilation.Roslyn;
using DeepForge.Models;

namespace DeepForge.Compilation;

/// <summary>The engine's compiler of project code, with Roslyn (registered by <c>AddCompilation</c>).</summary>
internal sealed class RoslynProjectCompiler : IProjectCompiler
{
    public ProjectImage Compile(string assemblyName, IReadOnlyList<SourceFile> sources, CancellationToken cancellationToken)
    {
        var compilation = RoslynCompiler.Create(assemblyName, sources);
        var (image, errors, warnings) = RoslynCompiler.Emit(compilation, cancellationToken);
        // Only code that compiled is run, so only its operations' dependencies are worth reading.
        var operationCode = image == null ? new Dictionary<string, OperationCode>() : OperationCodeReader.Read(compilation);
        return new ProjectImage(image, errors, warnings, operationCode);
    }

    public IReadOnlyDictionary<string, OperationCode> ReadOperationCode(string assemblyName, IReadOnlyList<SourceFile> sources, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return OperationCodeReader.Read(RoslynCompiler.Create(assemblyName, sources));
    }

    public SourceReadResult ReadOperations(IReadOnlyList<SourceFile> sources, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return SourceOperationReader.Read(sources);
    }
}
