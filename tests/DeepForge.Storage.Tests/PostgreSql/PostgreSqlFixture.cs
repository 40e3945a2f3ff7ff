using DeepForge.Testing;

namespace DeepForge.Storage.Tests.PostgreSql;

/// <summary>One throwaway cluster for every PostgreSQL test of the run; each test takes a fresh schema of it.</summary>
public sealed class PostgreSqlFixture : IDisposable
{
    public PostgreSqlTestCluster Cluster { get; } = new();

    /// <summary>A connection string whose tables land in a new, empty schema of their own.</summary>
    public string FreshSchema()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N");
        Cluster.Execute($"CREATE SCHEMA {schema}");
        return Cluster.ConnectionString() + $";Search Path={schema}";
    }

    public void Dispose() => Cluster.Dispose();
}
