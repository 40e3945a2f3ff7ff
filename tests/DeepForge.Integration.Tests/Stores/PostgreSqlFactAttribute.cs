namespace DeepForge.Integration.Tests.Stores;

/// <summary>A test that needs PostgreSQL's programs (a throwaway cluster): reported as skipped, with the reason, where they are missing.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        var bin = Environment.GetEnvironmentVariable("DEEPFORGE_TEST_PG_BIN") is { Length: > 0 } set ? set : DeepForge.Testing.PostgreSqlTestCluster.DefaultBinDirectory;
        if (!File.Exists(Path.Combine(bin, "initdb")))
            Skip = $"PostgreSQL is not installed (no initdb in {bin}): install Debian's postgresql package (./test.sh does) or set DEEPFORGE_TEST_PG_BIN";
    }
}
