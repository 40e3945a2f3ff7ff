using System.CommandLine;
using DeepForge.Api;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;
using DeepForge.Cli.Schedules;
using DeepForge.Runtime;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge schedule add|list|pause|resume|remove</c>: pipelines run on a cron schedule by a running server.</summary>
internal static class ScheduleCommand
{
    public static Command Create()
    {
        var command = new Command("schedule", "Run pipelines on a cron schedule (a running server fires them; times are UTC)");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(SetPaused("pause", "Stop a schedule firing until it is resumed", true));
        command.Subcommands.Add(SetPaused("resume", "Fire a paused schedule again from its next fire time", false));
        command.Subcommands.Add(Remove());
        return command;
    }

    private static Command Add()
    {
        var project = new Argument<string>("project") { Description = "Project name" };
        var pipeline = new Argument<string>("pipeline") { Description = "Pipeline name" };
        var cron = new Option<string>("--cron") { Description = "When: five fields, minute hour day month weekday (\"0 2 * * *\": 02:00 UTC daily), or Quartz's six with seconds first (\"*/5 * * * * ?\")", Required = true };
        var settings = new Option<string[]>("--set", "-s") { Description = "Set an attribute for every run: node.attribute=value" };
        var inputs = new Option<string[]>("--input", "-i") { Description = "Set an Input node: node=artifact (by name: the newest at each fire) or node=path (uploaded once now)", AllowMultipleArgumentsPerToken = false };
        var missed = new Option<string>("--missed") { Description = "Fires missed while no server ran: run-once (default: one run on start) or skip", DefaultValueFactory = _ => "run-once" };
        missed.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && value is not ("run-once" or "skip"))
                result.AddError($"--missed {value}: write run-once (one run for the fires missed while no server ran) or skip");
        });
        var json = new Option<bool>("--json") { Description = "Print the schedule as JSON" };
        var server = ServerOption.Create();
        var command = new Command("add", "Add a schedule: each fire starts one run of the pipeline") { project, pipeline, cron, settings, inputs, missed, json, server };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var options = new RunOptions();
            AttributeBinding.Bind(parse.GetValue(settings) ?? [], options);
            var (name, pipe, given) = (parse.GetValue(project)!, parse.GetValue(pipeline)!, parse.GetValue(inputs) ?? []);
            // Made after the inputs are bound: a file given as an input is an artifact id by then.
            AddScheduleRequest Request() => new(pipe, parse.GetValue(cron)!, options.Attributes, options.Inputs, parse.GetValue(missed));
            var added = parse.GetValue(server) is { } url
                ? await RemoteSchedules.AddAsync(url, name, given, options, Request, ct)
                : await LocalSchedules.AddAsync(context, name, pipe, given, options, Request, ct);
            if (parse.GetValue(json)) JsonOutput.Print(added);
            else SchedulePrinter.PrintAdded(added, parse.GetValue(server));
            return CliAction.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var project = new Argument<string?>("project") { Description = "Project name (default: every project)", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print JSON, one schedule per line" };
        var server = ServerOption.Create();
        var command = new Command("list", "List schedules: cron, policy for missed fires, next fires, last runs") { project, json, server };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var schedules = parse.GetValue(server) is { } url
                ? await RemoteSchedules.ListAsync(url, parse.GetValue(project), ct)
                : await LocalSchedules.Service(context).ListAsync(parse.GetValue(project), ct);
            if (parse.GetValue(json)) foreach (var schedule in schedules) JsonOutput.Print(schedule);
            else SchedulePrinter.PrintList(schedules);
            return CliAction.Ok;
        });
        return command;
    }

    private static Command SetPaused(string name, string description, bool paused)
    {
        var (project, schedule, server) = (ProjectArgument(), ScheduleArgument(), ServerOption.Create());
        var command = new Command(name, description) { project, schedule, server };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var (p, s) = (parse.GetValue(project)!, parse.GetValue(schedule)!);
            var changed = parse.GetValue(server) is { } url
                ? await RemoteSchedules.SetPausedAsync(url, p, s, paused, ct)
                : await LocalSchedules.Service(context).SetPausedAsync(p, s, paused, ct) ?? throw LocalSchedules.NoSchedule(p, s);
            Console.WriteLine($"Schedule {changed.Id} of {changed.Project}/{changed.Pipeline} is {(changed.Paused ? "paused" : "active: next fire " + SchedulePrinter.Time(changed.NextFires.FirstOrDefault()))}");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Remove()
    {
        var (project, schedule, server) = (ProjectArgument(), ScheduleArgument(), ServerOption.Create());
        var command = new Command("remove", "Remove a schedule; the executions it started stay") { project, schedule, server };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var (p, s) = (parse.GetValue(project)!, parse.GetValue(schedule)!);
            if (parse.GetValue(server) is { } url) await RemoteSchedules.RemoveAsync(url, p, s, ct);
            else if (!await LocalSchedules.Service(context).RemoveAsync(p, s, ct)) throw LocalSchedules.NoSchedule(p, s);
            Console.WriteLine($"Removed schedule {s} of {p}");
            return CliAction.Ok;
        });
        return command;
    }

    private static Argument<string> ProjectArgument() => new("project") { Description = "Project name" };

    private static Argument<string> ScheduleArgument() => new("schedule") { Description = "Schedule id (see 'deepforge schedule list')" };
}
