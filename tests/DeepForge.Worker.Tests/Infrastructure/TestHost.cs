using System.Reflection;

namespace DeepForge.Worker.Tests.Infrastructure;

/// <summary>The job child program of these tests (tests/DeepForge.Worker.TestHost), as WorkerOptions.ChildCommand.</summary>
internal static class TestHost
{
    public static string Dll { get; } = typeof(TestHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TestHost").Value!;

    /// <summary>dotnet and the test host's dll: the job folder is added after these.</summary>
    public static IReadOnlyList<string> Command
    {
        get
        {
            if (!File.Exists(Dll)) throw new FileNotFoundException($"the test host is not built at {Dll}: build DeepForge.Worker.TestHost in the same configuration", Dll);
            return [DotnetPath, Dll];
        }
    }

    /// <summary>The dotnet executable running these tests.</summary>
    public static string DotnetPath { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";
}
