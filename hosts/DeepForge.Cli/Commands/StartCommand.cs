using System.CommandLine;
using DeepForge.Cli.Hosting;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge start [-s] [-w [url]] [--port N] [--host H]</c>: the server and a worker (the default), or either alone.</summary>
internal static class StartCommand
{
    public static Command Create()
    {
        var server = new Option<bool>("--server", "-s") { Description = "Run the server only" };
        var worker = new Option<string?>("--worker", "-w") { Description = "Run a worker only, leasing from this server URL (default http://localhost:8888)", Arity = ArgumentArity.ZeroOrOne };
        var port = new Option<int>("--port", "-p") { Description = "Port the server listens on", DefaultValueFactory = _ => 8888 };
        var host = new Option<string>("--host") { Description = "Address the server listens on; 127.0.0.1 unless you ask for more", DefaultValueFactory = _ => "127.0.0.1" };
        var token = new Option<string?>("--token") { Description = "Worker token (default: worker.token from the config)" };
        var labels = new Option<string[]>("--labels") { Description = "Extra worker labels, e.g. gpu", AllowMultipleArgumentsPerToken = true };
        var cert = new Option<string?>("--cert") { Description = "Serve HTTPS with this certificate (.pfx, or PEM with --cert-key): needed to put the server on a network safely" };
        var certKey = new Option<string?>("--cert-key") { Description = "The PEM private key of --cert" };
        var slots = new Option<int>("--slots") { Description = "Jobs a worker runs at once", DefaultValueFactory = _ => 1 };
        port.Validators.Add(r =>
        {
            if (Number(r) is var p and (< 0 or > 65535)) r.AddError($"--port {p}: a port is 0 (any free port) to 65535");
        });
        slots.Validators.Add(r =>
        {
            if (Number(r) is var n and < 1) r.AddError($"--slots {n}: a worker runs at least 1 job at once");
        });
        worker.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } url && ServerOption.Problem(url) is { } problem) r.AddError($"--worker {url}: {problem}");
        });
        var command = new Command("start", "Start the server and a local worker; --server or --worker start one of them") { server, worker, port, host, token, labels, slots, cert, certKey };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var workerOnly = parse.GetResult(worker) != null;
            var settings = new StartSettings(!workerOnly, !parse.GetValue(server), parse.GetValue(host)!, parse.GetValue(port), parse.GetValue(worker),
                parse.GetValue(token), (parse.GetValue(labels) ?? []).SelectMany(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
                parse.GetValue(slots), parse.GetValue(cert), parse.GetValue(certKey));
            if (workerOnly && parse.GetValue(server))
                throw new DeepForgeException("--server --worker", "--server and --worker each start one part; leave both out to start both");
            return workerOnly
                ? await WorkerHost.RunAsync(settings, context.Config, ct)
                : await ServerHost.RunAsync(settings, context.DataDirectory, context.Config, ct);
        });
        return command;
    }

    // A value that is no number is the parser's error already; only numbers are checked for their range.
    private static int? Number(System.CommandLine.Parsing.OptionResult result) =>
        result.Tokens.Count > 0 && int.TryParse(result.Tokens[^1].Value, out var n) ? n : null;
}
