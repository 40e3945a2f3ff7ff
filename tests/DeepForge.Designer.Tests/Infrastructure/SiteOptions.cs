using DeepForge.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Designer.Tests;

/// <summary>
/// What differs between the test servers: the defaults are the server as <c>deepforge start</c> makes it (Torch, the
/// seeds with their sources); a test names only what it needs otherwise.
/// </summary>
internal sealed record SiteOptions
{
    /// <summary>The folder to run on, kept on dispose (a test restarting a server on it); a new temp folder, removed on dispose, when null.</summary>
    public string? Directory { get; init; }

    public TestSeeds Seeds { get; init; } = TestSeeds.Copied;

    public bool Torch { get; init; } = true;

    /// <summary>Runs jobs on the engine's in-process runner instead of queueing them for workers (<see cref="InProcessJobs"/>).</summary>
    public bool InProcessJobs { get; init; }

    /// <summary>More of the engine's set-up (extensions, plugins).</summary>
    public Action<DeepForgeBuilder>? Engine { get; init; }

    /// <summary>More services, registered after the server's and the designer's.</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>More endpoints, mapped after the server's and the designer's.</summary>
    public Action<WebApplication>? Map { get; init; }
}
