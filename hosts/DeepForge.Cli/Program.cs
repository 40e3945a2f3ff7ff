using DeepForge.Cli.Hosting;

CliConsole.Configure();
var parse = CliApp.Create().Parse(args);
return ParseErrors.Report(parse) ?? await parse.InvokeAsync();
