using System.Diagnostics;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary>The README's embedding example, compiled and run verbatim as a console program of its own.</summary>
public sealed class EmbeddingTests : IDisposable
{
    private static readonly string[] FashionMnistClasses = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
    private readonly TempFolder _temp = new("deepforge-embedding");

    [FashionMnistFact]
    public void ReadmeEmbeddingExample_BuiltAsAConsoleProgram_RunsTheSeedsPipelineAndPrintsTheClasses()
    {
        // The command's build shares the libraries' obj folders; let it finish before building them here.
        CliBuild.EnsureBuilt();
        var project = _temp["app"];
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Program.cs"), ReadmeExample.After("<!-- embedding-example -->"));
        File.WriteAllText(Path.Combine(project, "EmbeddingExample.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(Repository.Root, "src", "DeepForge.Core", "DeepForge.Core.csproj")}" />
                <ProjectReference Include="{Path.Combine(Repository.Root, "src", "DeepForge.Storage.Sqlite", "DeepForge.Storage.Sqlite.csproj")}" />
                <ProjectReference Include="{Path.Combine(Repository.Root, "src", "DeepForge.Torch", "DeepForge.Torch.csproj")}" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="11.0.0" />
              </ItemGroup>
            </Project>
            """);
        var data = _temp["data"];
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        string[] arguments = ["run", "-c", "Release", "--", Repository.Seeds, data];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DEEPFORGE_DATA_DIR"] = data;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var run = new BackgroundCli(start, arguments);
        var result = run.WaitForExit(TimeSpan.FromMinutes(10));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("download-normalize: Succeeded", result.StdoutLines);
        foreach (var name in FashionMnistClasses) Assert.Contains(name, result.StdoutLines);
    }

    public void Dispose() => _temp.Dispose();
}
