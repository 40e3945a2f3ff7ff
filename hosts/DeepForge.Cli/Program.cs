using DeepForge.Cli.Hosting;

return await CliApp.Create().Parse(args).InvokeAsync();
