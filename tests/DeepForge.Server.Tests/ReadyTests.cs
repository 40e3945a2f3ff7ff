using System.Net;
using DeepForge.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DeepForge.Server.Tests;

/// <summary>/ready answers 503 with the reason when the store or the blob folder cannot serve, and 200 again once they can.</summary>
public sealed class ReadyTests
{
    [Fact]
    public async Task Ready_Answers503NamingTheBlobFolder_WhenTheBlobFolderIsAFile()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        var blob = Path.Combine(data.Directory, "blob");
        if (Directory.Exists(blob)) Directory.Delete(blob, recursive: true);
        await File.WriteAllTextAsync(blob, "not a folder");

        using var http = server.Raw();
        using var ready = await http.GetAsync("/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Contains("blob.dir does not take writes", body);
        Assert.DoesNotContain("store", body);
    }

    [Fact]
    public async Task Ready_AnswersOkAgain_WhenTheBlobFolderIsBack()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        var blob = Path.Combine(data.Directory, "blob");
        if (Directory.Exists(blob)) Directory.Delete(blob, recursive: true);
        await File.WriteAllTextAsync(blob, "not a folder");
        using var http = server.Raw();
        using (var broken = await http.GetAsync("/ready")) Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);

        File.Delete(blob);
        Directory.CreateDirectory(blob);

        using var ready = await http.GetAsync("/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Ready_Answers503NamingTheStore_WhenAnotherProcessHoldsTheDatabase()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var http = server.Raw();

        // Another process holds the database file, as a backup tool or a stuck writer would.
        await using var locker = new SqliteConnection($"Data Source={Path.Combine(data.Directory, "deepforge.db")}");
        await locker.OpenAsync();
        using (var begin = locker.CreateCommand()) { begin.CommandText = "BEGIN EXCLUSIVE;"; await begin.ExecuteNonQueryAsync(); }
        try
        {
            using var ready = await http.GetAsync("/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var body = await ready.Content.ReadAsStringAsync();
            Assert.Contains("the store took no write", body);
            Assert.DoesNotContain("blob.dir", body);
        }
        finally
        {
            using var commit = locker.CreateCommand();
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
        }
    }
}
