using System.CommandLine;
using DeepForge.Cli.Hosting;

CliConsole.Configure();
using var signals = Interrupts.Current.Listen();
// Ctrl-C and SIGTERM are ours (Interrupts): System.CommandLine's handling would end `run` before it recorded the cancel.
return await CliApp.Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, Interrupts.Current.Stopping);
