using System.CommandLine;
using System.Globalization;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;
using DeepForge.Worker;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge worker cache</c>: what worker.cache.dir holds against worker.cache.maxBytes, and eviction on demand.</summary>
internal static class WorkerCommand
{
    public static Command Create() => new("worker", "Look after this machine's worker") { Cache() };

    private static Command Cache()
    {
        var evict = new Option<bool>("--evict") { Description = "Remove least recently used blobs no running job uses, down to worker.cache.maxBytes (or --to)" };
        var to = new Option<string?>("--to") { Description = "With --evict: the size to evict down to, in bytes (0 empties the cache of all blobs not in use)" };
        var command = new Command("cache", "Show what the worker's cache holds; --evict frees space now") { evict, to };
        CliAction.Set(command, (parse, context, _) =>
        {
            var target = parse.GetValue(to) is { } text ? Bytes(text) : (long?)null;
            if (target != null && !parse.GetValue(evict)) throw new DeepForgeException("--to", "--to goes with --evict: say `deepforge worker cache --evict --to <bytes>`");
            var status = parse.GetValue(evict) ? WorkerCache.Evict(context.DataDirectory, target) : WorkerCache.Measure(context.DataDirectory);
            Print(status, parse.GetValue(evict));
            return Task.FromResult(CliAction.Ok);
        });
        return command;
    }

    private static void Print(WorkerCacheStatus status, bool evicted)
    {
        if (evicted) Console.WriteLine($"Evicted {status.Evicted} blob(s), {status.FreedBytes} bytes ({Sizes.Format(status.FreedBytes)}).");
        Console.WriteLine($"worker.cache.dir: {status.Directory}");
        Console.WriteLine($"holds {status.Blobs} blob(s), {status.Bytes} bytes ({Sizes.Format(status.Bytes)}), of at most {status.MaxBytes} bytes ({Sizes.Format(status.MaxBytes)})"
            + (status.MaxIsDefault ? ", the default: half of the free disk (set worker.cache.maxBytes to choose)" : ", worker.cache.maxBytes"));
        if (status.InUse > 0) Console.WriteLine($"{status.InUse} blob(s) in use by running jobs, never evicted");
    }

    private static long Bytes(string text) =>
        long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? bytes
            : throw new DeepForgeException("--to", $"--to is '{text}': give a number of bytes, e.g. 1073741824 for 1 GiB, or 0");
}
