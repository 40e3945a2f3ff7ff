namespace DeepForge.Compilation;

/// <summary>The one-line error of an engine asked to compile project code with no <see cref="IProjectCompiler"/> registered.</summary>
internal static class MissingCompiler
{
    public static IProjectCompiler Require(IProjectCompiler? compiler) => compiler ?? throw new InvalidOperationException(
        "project code needs a compiler: reference DeepForge.Compilation and call df.AddCompilation() inside AddDeepForge (or services.AddDeepForgeCompilation())");
}
