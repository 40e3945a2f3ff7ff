using DeepForge.Compilation;
using DeepForge.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Every AddX/UseX of DeepForge is in the root namespace, so `using DeepForge;` is all a host needs to configure it.
namespace DeepForge;

/// <summary>Registers the compiler of project code.</summary>
public static class CompilationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Roslyn compiler that turns a project's C# sources into the assembly the engine runs and reads operations
    /// from source for editors: <c>services.AddDeepForge(df => df.UseSqlite(path).AddCompilation())</c>. Every host that
    /// compiles project code needs it; a process that only runs jobs from compiled blobs does not. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddDeepForgeCompilation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IProjectCompiler, RoslynProjectCompiler>();
        return services;
    }

    /// <summary>Adds the compiler of project code (<see cref="AddDeepForgeCompilation"/>) inside <c>AddDeepForge</c>.</summary>
    public static DeepForgeBuilder AddCompilation(this DeepForgeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDeepForgeCompilation();
        return builder;
    }
}
