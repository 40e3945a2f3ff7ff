using System.Security;
using DeepForge.Cli.Tool;
using DeepForge.Compilation;

namespace DeepForge.Cli.Folders;

/// <summary>
/// The <c>.csproj</c> that <c>deepforge pull</c> writes beside the sources so VS Code or Rider know the types and
/// usings the project code compiles with. It is never used to run the code (DeepForge compiles the sources itself)
/// and push ignores it.
/// </summary>
internal static class IdeProject
{
    public static string FileName(string project) => project + ".csproj";

    public static string Text()
    {
        var version = ToolVersion.Current;
        var assemblies = SecurityElement.Escape(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory) + Path.DirectorySeparatorChar);
        // The same usings DeepForge's compiler adds, so code that builds here builds there.
        var usings = ProjectCompiler.GlobalUsings.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Replace("global using ", "", StringComparison.Ordinal).TrimEnd(';'))
            .Select(ns => $"    <Using Include=\"{ns}\" />");
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- Written by `deepforge pull` for IntelliSense only: DeepForge compiles the .cs files itself, and push ignores this file.
                   It references the assemblies of the deepforge that pulled it when they are on this machine,
                   else the DeepForge packages of that version. -->
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <IsPackable>false</IsPackable>
                <!-- The deepforge assemblies were built against a newer System.Diagnostics.DiagnosticSource than the SDK's; harmless for IntelliSense. -->
                <MSBuildWarningsAsMessages>MSB3277</MSBuildWarningsAsMessages>
                <DeepForgeAssemblies Condition="'$(DeepForgeAssemblies)' == ''">{assemblies}</DeepForgeAssemblies>
              </PropertyGroup>
              <ItemGroup>
                <Compile Remove=".deepforge/**" />
            {string.Join("\n", usings)}
              </ItemGroup>
              <ItemGroup Condition="Exists('$(DeepForgeAssemblies)DeepForge.Core.dll')">
                <Reference Include="$(DeepForgeAssemblies)DeepForge.Core.dll" />
                <Reference Include="$(DeepForgeAssemblies)DeepForge.Torch.dll" />
                <Reference Include="$(DeepForgeAssemblies)TorchSharp.dll" />
              </ItemGroup>
              <ItemGroup Condition="!Exists('$(DeepForgeAssemblies)DeepForge.Core.dll')">
                <PackageReference Include="DeepForge.Core" Version="{version}" />
                <PackageReference Include="DeepForge.Torch" Version="{version}" />
              </ItemGroup>
            </Project>

            """;
    }
}
