using DeepForge.Testing;

namespace DeepForge.Integration.Tests.MultiServer;

/// <summary>A test that needs PostgreSQL's own tools (a throwaway cluster); reported as skipped, saying why, where they are missing.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        var bin = Environment.GetEnvironmentVariable("DEEPFORGE_TEST_PG_BIN") is { Length: > 0 } set ? set : PostgreSqlTestCluster.DefaultBinDirectory;
        if (!File.Exists(Path.Combine(bin, "initdb")))
            Skip = $"PostgreSQL is not installed ({bin}/initdb is missing): several servers need a shared store; install Debian's postgresql package (./test.sh does)";
    }
}
