using System.Security;
using DeepForge.Models;

namespace DeepForge.Cli.PipelineExport;

/// <summary>
/// The <c>.csproj</c> and <c>nuget.config</c> of an exported pipeline: a console program on the DeepForge packages of one
/// version. The project's sources under <c>seeds/</c> are not compiled by it (the engine compiles them, as it does a seed's,
/// with DeepForge.Compilation) but copied beside the program, where it finds them.
/// </summary>
internal static class ExportedProject
{
    // The engine's own dependency injection container; the version DeepForge itself is built against.
    private const string DependencyInjectionVersion = "11.0.0";

    public static string Csproj(string version, bool torch)
    {
        var escaped = SecurityElement.Escape(version);
        // libtorch's native files are per platform: the Torch package carries Linux x64's.
        var runtime = torch ? "\n    <RuntimeIdentifier>linux-x64</RuntimeIdentifier>" : "";
        var torchReference = torch ? $"\n    <PackageReference Include=\"DeepForge.Torch\" Version=\"{escaped}\" />" : "";
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- Written by `deepforge export`: a console program that runs one pipeline with DeepForge {escaped}. -->
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>{runtime}
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <!-- The project's code is compiled by DeepForge when the program runs, not by this build. -->
                <Compile Remove="seeds/**" />
                <None Include="seeds/**" CopyToOutputDirectory="PreserveNewest" />
                <Compile Remove="outputs/**" />
              </ItemGroup>
              <ItemGroup>
                <PackageReference Include="DeepForge.Core" Version="{escaped}" />
                <PackageReference Include="DeepForge.Compilation" Version="{escaped}" />
                <PackageReference Include="DeepForge.Storage.Sqlite" Version="{escaped}" />{torchReference}
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="{DependencyInjectionVersion}" />
              </ItemGroup>
            </Project>

            """;
    }

    /// <summary>A nuget.config that adds the local feed to the sources the user already has.</summary>
    public static string NugetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="deepforge-local" value="{SecurityElement.Escape(feed)}" />
          </packageSources>
        </configuration>

        """;

    /// <summary>Whether the project's code or architectures need DeepForge.Torch (and so libtorch).</summary>
    public static bool NeedsTorch(ProjectDefinition project) =>
        project.Architectures.Count > 0
        // Core's compiler adds no Torch usings, so code that uses Torch names it: TorchSharp, DeepForge.Torch, torch.
        || project.Sources.Any(s => s.Text.Contains("torch", StringComparison.OrdinalIgnoreCase));
}
