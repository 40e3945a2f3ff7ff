using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Worker;

JobPhases.Mark("main");

// torch.dir: run again with its libtorch first on the loader's path (TorchRelaunch says why), before anything loads libtorch.
if (TorchRelaunch.RunIfNeeded(args) is { } relaunched) return relaunched;
CliConsole.Configure();
using var signals = Interrupts.Current.Listen();
var parse = CliApp.Create(args).Parse(args);
// Ctrl-C and SIGTERM are ours (Interrupts): System.CommandLine's handling would end `run` before it recorded the cancel.
return ParseErrors.Report(parse) ?? await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, Interrupts.Current.Stopping);
