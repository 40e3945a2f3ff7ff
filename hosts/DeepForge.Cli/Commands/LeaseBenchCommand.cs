using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.StoreBench;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge bench lease</c>: milliseconds per lease with many old jobs in a store.</summary>
internal static class LeaseBenchCommand
{
    public static Command Create()
    {
        var store = new Option<string?>("--store") { Description = "The store, as the setting store is written (default: a new SQLite file; use a throwaway database: the bench fills it)" };
        var jobs = new Option<int>("--jobs") { Description = "Finished jobs written to the store first", DefaultValueFactory = _ => 100_000 };
        var leases = new Option<int>("--leases") { Description = "Leases timed, one queued job each", DefaultValueFactory = _ => 200 };
        var json = new Option<bool>("--json") { Description = "Print one JSON line" };
        var command = new Command("lease", "Milliseconds per lease with many finished jobs in the store (SQLite, PostgreSQL or MongoDB)") { store, jobs, leases, json };
        CliAction.Set(command, async (parse, _, ct) =>
        {
            BenchCommand.Report(await LeaseBenchmark.RunAsync(parse.GetValue(store), parse.GetValue(jobs), parse.GetValue(leases), ct), parse.GetValue(json));
            return CliAction.Ok;
        });
        return command;
    }
}
