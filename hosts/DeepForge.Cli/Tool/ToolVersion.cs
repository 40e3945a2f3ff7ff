using System.Reflection;

namespace DeepForge.Cli.Tool;

/// <summary>This deepforge's version: DeepForge.Core's package version, without the commit that follows a '+'.</summary>
internal static class ToolVersion
{
    public static string Current =>
        (typeof(DeepForge.Operations.Operation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
