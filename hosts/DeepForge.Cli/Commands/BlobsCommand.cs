using System.CommandLine;
using DeepForge.Blobs;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;
using DeepForge.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge blobs verify</c> and <c>deepforge blobs gc</c>: check every blob of blob.dir, free those nothing refers to.</summary>
internal static class BlobsCommand
{
    public static Command Create() => new("blobs", "Check and collect the blobs of blob.dir") { Verify(), Collect() };

    private static Command Verify()
    {
        var command = new Command("verify", "Hash every blob; print the damaged ones (moved to blob.dir/quarantine) and exit 1 if there are any");
        CliAction.Set(command, async (_, context, ct) =>
        {
            var damaged = await context.Services.GetRequiredService<BlobCollector>().VerifyAsync(ct);
            foreach (var blob in damaged)
                Console.WriteLine($"damaged: {blob.Hash}: its bytes hash to {blob.ActualHash}" + (blob.MovedTo is { } to ? $"; moved to {to}" : "; removed from the store"));
            Console.WriteLine(damaged.Count == 0 ? "Every blob is whole." : $"{damaged.Count} damaged blob(s): upload their data again (artifacts) or run again what made them.");
            return damaged.Count == 0 ? CliAction.Ok : CliAction.Failed;
        });
        return command;
    }

    private static Command Collect()
    {
        var grace = new Option<string?>("--grace") { Description = "Keep unreferenced blobs younger than this (e.g. 30s, 10m, 1h); default DEEPFORGE_BLOB_GRACE, else 1h" };
        var command = new Command("gc", "Free the blobs nothing refers to (of deleted artifacts and executions) and print what was freed") { grace };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var period = parse.GetValue(grace) is { } text ? Durations.Parse(text, "--grace")
                : BlobSettings.GracePeriod() ?? context.Services.GetRequiredService<IOptions<DeepForgeOptions>>().Value.BlobGracePeriod;
            var result = await context.Services.GetRequiredService<BlobCollector>().CollectAsync(period, ct);
            foreach (var blob in result.Freed) Console.WriteLine($"freed {blob.Hash} ({Sizes.Format(blob.Size)})");
            Console.WriteLine($"Freed {result.Freed.Count} blob(s), {result.FreedBytes} bytes ({Sizes.Format(result.FreedBytes)}); kept {result.Referenced} referenced"
                + $" and {result.Young} unreferenced younger than {Durations.Format(period)}.");
            return CliAction.Ok;
        });
        return command;
    }
}
