using System.Runtime.CompilerServices;

namespace DeepForge.Designer.Tests;

/// <summary>
/// Waits sized for shared, loaded machines, set once before any test runs: bunit's WaitFor gives up after 1 s and
/// Playwright's expectations after 5 s by default, less than a Roslyn compile takes when other work shares the cores.
/// </summary>
internal static class TestDefaults
{
#pragma warning disable CA2255 // a test assembly, not a library: this is where its defaults belong
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply()
    {
        Bunit.BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(30_000);
    }
}
