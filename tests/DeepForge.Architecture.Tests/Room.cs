namespace DeepForge.Architecture.Tests;

/// <summary>Where a project lives, which says what it may depend on.</summary>
internal enum Room
{
    /// <summary><c>src/</c>: Core and the libraries built on it.</summary>
    Library,

    /// <summary><c>hosts/</c>: the server, worker and designer libraries, and the command that hosts them.</summary>
    Host,

    /// <summary><c>tests/</c>: test assemblies and their helper processes.</summary>
    Test,

    /// <summary><c>samples/</c>: apps as users write them, on the packages' public API.</summary>
    Sample,
}
