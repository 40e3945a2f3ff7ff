using System.Diagnostics;

namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>A README example after its marker, written verbatim as a console program on the repository's libraries, then run with <c>dotnet run</c>.</summary>
internal static class ReadmeConsoleApp
{
    public static CliResult Run(string folder, string marker, IReadOnlyDictionary<string, string> environment, params string[] programArguments)
    {
        // The command's build shares the libraries' obj folders; let it finish before building them here.
        CliBuild.EnsureBuilt();
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), ReadmeExample.After(marker));
        File.WriteAllText(Path.Combine(folder, "ReadmeExample.csproj"), $"""
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
                <ProjectReference Include="{Path.Combine(Repository.Root, "src", "DeepForge.Compilation", "DeepForge.Compilation.csproj")}" />
                <ProjectReference Include="{Path.Combine(Repository.Root, "src", "DeepForge.Storage.Sqlite", "DeepForge.Storage.Sqlite.csproj")}" />
                <ProjectReference Include="{Path.Combine(Repository.Root, "src", "DeepForge.Torch", "DeepForge.Torch.csproj")}" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="11.0.0" />
              </ItemGroup>
            </Project>
            """);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        string[] arguments = ["run", "-c", "Release", "--", .. programArguments];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var run = new BackgroundCli(start, arguments);
        return run.WaitForExit(TimeSpan.FromMinutes(10));
    }
}
