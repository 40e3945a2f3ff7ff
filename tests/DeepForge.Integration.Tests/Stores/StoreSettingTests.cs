using DeepForge.Integration.Tests.Distributed;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Stores;

/// <summary>The setting store when it cannot be used: a value that names no store, a database nobody answers for.</summary>
public sealed class StoreSettingTests : IDisposable
{
    private readonly TempFolder _temp = new("deepforge-store-setting");

    [Fact]
    public void Command_SaysInOneLineWhichStoreIsUnavailable_WhenNothingListensThere()
    {
        var cli = new Cli(_temp["unreachable"]);
        cli.Environment["DEEPFORGE_STORE"] = $"postgres://postgres@127.0.0.1:{FreePort.Next()}/deepforge";

        var line = OneLineError.Assert(cli.Run("projects"), exitCode: 1, mentions: "the store PostgreSQL 127.0.0.1:");

        Assert.Contains("is unavailable", line);
    }

    [Theory]
    [InlineData("redis://127.0.0.1/0")]
    [InlineData("sqlite:")]
    [InlineData("mongodb://host:notaport/db")]
    public void Command_NamesTheSettingAndItsForms_WhenTheStoreIsNotOne(string store)
    {
        var cli = new Cli(_temp["bad"]);
        cli.Environment["DEEPFORGE_STORE"] = store;

        OneLineError.Assert(cli.Run("projects"), exitCode: 2, mentions: "store");
    }

    [Fact]
    public void Command_UsesMongoUriAsItsStore_WhenStoreIsLeftAtItsDefault()
    {
        var cli = new Cli(_temp["mongo"]);
        cli.Environment["MONGO_URI"] = "mongodb://127.0.0.1:1/seeded?serverSelectionTimeoutMS=500";

        var line = OneLineError.Assert(cli.Run("projects"), exitCode: 1, mentions: "the store MongoDB 127.0.0.1:1/seeded is unavailable");

        Assert.Contains("Check that the deployment runs", line);
    }

    [Fact]
    public void Command_UsesTheStoreSetting_WhenBothItAndMongoUriAreSet()
    {
        var cli = new Cli(_temp["both"]);
        var database = _temp["chosen/deepforge.db"];
        cli.Environment["MONGO_URI"] = "mongodb://127.0.0.1:1/ignored?serverSelectionTimeoutMS=500";
        cli.Environment["DEEPFORGE_STORE"] = "sqlite:" + database;

        CliAssert.Succeeded(cli.Run("projects"));

        Assert.True(File.Exists(database), $"no SQLite file at {database}");
    }

    public void Dispose() => _temp.Dispose();
}
