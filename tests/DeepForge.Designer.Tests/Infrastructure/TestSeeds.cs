namespace DeepForge.Designer.Tests;

/// <summary>Which seeds a test engine or server is given: the choice changes what projects made from them hold.</summary>
internal enum TestSeeds
{
    /// <summary>No seeds: the test saves the projects it needs itself.</summary>
    None,

    /// <summary>
    /// The seeds in the test output, read in place. They are under bin/, whose C# files a project folder skips, so
    /// projects made from them have their pipelines and architectures but no operation sources.
    /// </summary>
    Shipped,

    /// <summary>The shipped seeds copied into the test's own folder, so projects made from them have their sources.</summary>
    Copied,
}
