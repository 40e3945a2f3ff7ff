using System.CommandLine;
using System.Text.Json;
using DeepForge.Cli.Hosting;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge config [key [value]]</c>, with environment overrides as the seed describes.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var key = new Argument<string?>("key") { Description = "Setting, e.g. blob.dir", Arity = ArgumentArity.ZeroOrOne };
        var value = new Argument<string?>("value") { Description = "New value", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("config", "Print or change settings (store, blob.dir, worker.dir, worker.cache.dir, worker.cache.useBlob, worker.cache.maxBytes, mongo.uri, auth.enabled, server.allowedHosts, server.maxUploadBytes, retention.executionLogs, retention.jobRecords, torch.dir)") { key, value };
        CliAction.Set(command, (parse, context, _) =>
        {
            var config = context.Config;
            var (k, v) = (parse.GetValue(key), parse.GetValue(value));
            if (k == null)
            {
                Console.WriteLine("Current config:");
                Console.WriteLine(config.Effective().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else if (v == null) Console.WriteLine(JsonSerializer.Serialize(config.Show(k)));
            else
            {
                config.Set(k, v);
                var stored = config.Show(k);
                Console.WriteLine($"{k} = {JsonSerializer.Serialize(stored)}");
                if (stored is string path && path != v && Path.IsPathFullyQualified(path) && !Path.IsPathFullyQualified(v))
                    Console.Error.WriteLine($"note: '{v}' is a relative path; stored as {path} (relative to the current folder {Directory.GetCurrentDirectory()})");
            }
            return Task.FromResult(CliAction.Ok);
        });
        return command;
    }
}
