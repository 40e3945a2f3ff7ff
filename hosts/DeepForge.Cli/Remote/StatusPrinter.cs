using System.Globalization;
using Spectre.Console;
using DeepForge.Api;

namespace DeepForge.Cli.Remote;

/// <summary>Writes <see cref="StatusView"/> for a person: a table of servers, one of workers, and a line for the queue.</summary>
internal static class StatusPrinter
{
    public static void Print(string url, StatusView status, DateTimeOffset now)
    {
        var servers = new Table().Title(Markup.Escape(url)).AddColumns("Server", "Version", "Up");
        foreach (var s in status.Servers) servers.AddRow(Markup.Escape(s.Id), Markup.Escape(s.Version), Age(TimeSpan.FromSeconds(s.UptimeSeconds)));
        AnsiConsole.Write(servers);
        var workers = new Table().AddColumns("Worker", "Labels", "Slots", "Last seen", "Running");
        foreach (var w in status.Workers)
            workers.AddRow(Markup.Escape(w.Id), Markup.Escape(string.Join(", ", w.Labels)), w.Slots.ToString(CultureInfo.InvariantCulture),
                $"{Age(now - w.LastSeen)} ago", Markup.Escape(w.Jobs.Count == 0 ? "idle" : string.Join(", ", w.Jobs.Select(j => $"{j.Operation} ({j.ExecutionId}/{j.NodeId})"))));
        if (status.Workers.Count == 0) Console.WriteLine("No worker is connected.");
        else AnsiConsole.Write(workers);
        Console.WriteLine(status.Queue.Waiting == 0 ? "Queue: empty"
            : $"Queue: {status.Queue.Waiting} job(s) waiting, the oldest for {Age(TimeSpan.FromSeconds(status.Queue.OldestWaitSeconds ?? 0))}");
    }

    private static string Age(TimeSpan age) =>
        age < TimeSpan.Zero ? "0s"
        : age.TotalMinutes < 1 ? $"{age.TotalSeconds:0}s"
        : age.TotalHours < 1 ? $"{(int)age.TotalMinutes}m {age.Seconds}s"
        : age.TotalDays < 1 ? $"{(int)age.TotalHours}h {age.Minutes}m"
        : $"{(int)age.TotalDays}d {age.Hours}h";
}
