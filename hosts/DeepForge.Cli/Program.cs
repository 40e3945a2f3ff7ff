using System.CommandLine;
using DeepForge.Cli.Commands;
using DeepForge.Cli.Hosting;
using DeepForge.Worker;

JobPhases.Mark("main");

// torch.dir: run again with its libtorch first on the loader's path (TorchRelaunch says why), before anything loads libtorch.
if (TorchRelaunch.RunIfNeeded(args) is { } relaunched) return relaunched;
using var signals = Interrupts.Current.Listen();
// A worker's job process: straight to its job, with no command tree to make (JobExecCommand says why).
if (JobExecCommand.Direct(args) is { } jobFolder) return await JobExecCommand.RunAsync(jobFolder, Interrupts.Current.Stopping);
if (BenchCommand.RunJob(args, Interrupts.Current.Stopping) is { } benchJob) return await benchJob;
CliConsole.Configure();
var parse = CliApp.Create(args).Parse(args);
// Ctrl-C and SIGTERM are ours (Interrupts): System.CommandLine's handling would end `run` before it recorded the cancel.
return ParseErrors.Report(parse) ?? await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, Interrupts.Current.Stopping);
