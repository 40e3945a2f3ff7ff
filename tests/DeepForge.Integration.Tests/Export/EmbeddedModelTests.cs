using System.Diagnostics;
using System.Text.RegularExpressions;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Export;

/// <summary>The README's model-embedding example (forge.Models.LoadAsync, Classify), compiled and run verbatim as a console program of its own.</summary>
[Collection(TrainedFashionMnistCollection.Name)]
public sealed class EmbeddedModelTests(TrainedFashionMnist trained)
{
    [FashionMnistFact]
    public void ReadmePredictExample_OnTheTrainedProject_ClassifiesTheTestImagesAsTheSeedsTestPipelineDid()
    {
        // The command's build shares the libraries' obj folders; let it finish before building them here.
        CliBuild.EnsureBuilt();
        var project = trained.Folder("predict-app");
        File.WriteAllText(Path.Combine(project, "Program.cs"), ReadmeExample.After("<!-- embedding-predict-example -->"));
        File.WriteAllText(Path.Combine(project, "PredictExample.csproj"), $"""
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
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        string[] arguments = ["run", "-c", "Release", "--", trained.Cli.DataDirectory];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var run = new BackgroundCli(start, arguments);
        var result = run.WaitForExit(TimeSpan.FromMinutes(10));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{trained.TestCorrect} / {TrainedFashionMnist.TestImages} correct", result.StdoutLines);
        Assert.Contains(result.StdoutLines, l => Regex.IsMatch(l, "^the first test image is a (T-shirt/top|Trouser|Pullover|Dress|Coat|Sandal|Shirt|Sneaker|Bag|Ankle boot)$"));
    }
}
