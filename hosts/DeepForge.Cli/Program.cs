using DeepForge.Cli.Hosting;

CliConsole.Configure();
return await CliApp.Create().Parse(args).InvokeAsync();
