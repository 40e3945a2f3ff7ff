using System.Text.Json;

namespace DeepForge.Cli.PipelineExport;

/// <summary>
/// The <c>Program.cs</c> of an exported pipeline: the project made from its seed folder in a temporary store, the
/// pipeline run with the files and attribute values of the command line, each output written to a file and its hash printed.
/// Public embedding API only, so it builds against the packages.
/// </summary>
internal static class ExportedProgram
{
    public static string Text(string project, string pipeline, bool torch)
    {
        // JSON string literals are C# string literals too: any project or pipeline name is quoted safely.
        var (projectLiteral, pipelineLiteral) = (JsonSerializer.Serialize(project), JsonSerializer.Serialize(pipeline));
        return $$"""
            // Written by `deepforge export`: runs pipeline {{pipelineLiteral}} of project {{projectLiteral}} with no server.
            // dotnet run -- [node=file]... [node.attribute=value]... [--out folder]
            using System.Security.Cryptography;
            using System.Text.Json;
            using DeepForge;
            using DeepForge.Blobs;
            using DeepForge.Hosting;
            using DeepForge.Runtime;
            {{(torch ? "using DeepForge.Torch.Hosting;\n" : "")}}using Microsoft.Extensions.DependencyInjection;

            const string Project = {{projectLiteral}}, Pipeline = {{pipelineLiteral}};
            var outputs = Path.GetFullPath("outputs");
            var options = new RunOptions { UseCache = false };
            var files = new Dictionary<string, string>();
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] == "--out" && i + 1 < args.Length) { outputs = Path.GetFullPath(args[++i]); continue; }
                var equals = args[i].IndexOf('=');
                if (equals <= 0) return Refuse($"{args[i]}: write node=file, node.attribute=value or --out folder");
                var (key, value) = (args[i][..equals], args[i][(equals + 1)..]);
                var dot = key.LastIndexOf('.');
                if (dot < 0) files[key] = value;
                else if (options.Attributes.TryGetValue(key[..dot], out var set)) set[key[(dot + 1)..]] = Value(value);
                else options.Attributes[key[..dot]] = new() { [key[(dot + 1)..]] = Value(value) };
            }

            // A temporary store: the database and blobs of this run are deleted when it ends.
            var data = Directory.CreateTempSubdirectory("deepforge-").FullName;
            try
            {
                await using var services = new ServiceCollection()
                    .AddDeepForge(df => df.UseDataDirectory(data).UseSqlite(Path.Combine(data, "deepforge.db"))
                                          .AddSeedDirectory(Path.Combine(AppContext.BaseDirectory, "seeds")).AddCompilation(){{(torch ? ".AddTorch()" : "")}})
                    .BuildServiceProvider();
                var forge = services.GetRequiredService<DeepForgeEngine>();
                await forge.Projects.CreateAsync(Project, Project);
                foreach (var (node, file) in files)
                    options.Inputs[node] = (await forge.Artifacts.UploadFileAsync(Project, Path.GetFileName(file), file)).Id;
                var execution = await forge.Executions.RunAsync(Project, Pipeline, options);
                if (execution.Status != DeepForge.Models.ExecutionStatus.Succeeded)
                    return Refuse($"{Pipeline}: {execution.Status} {execution.Error}", 1);

                Directory.CreateDirectory(outputs);
                var blobs = services.GetRequiredService<IBlobStore>();
                foreach (var node in await forge.Executions.NodesAsync(execution.Id))
                    foreach (var (name, output) in node.Outputs)
                    {
                        var path = Path.Combine(outputs, $"{node.NodeId}.{name}");
                        await using (var blob = await blobs.OpenReadAsync(output.Hash))
                        await using (var file = File.Create(path))
                            await blob.CopyToAsync(file);
                        Console.WriteLine($"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))}  {path}");
                    }
                return 0;
            }
            catch (DeepForgeException e)
            {
                return Refuse(e.Message);
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }

            static int Refuse(string message, int code = 2)
            {
                Console.Error.WriteLine(message);
                return code;
            }

            // A JSON value (number, true, "text"), or plain text taken as a string, as `deepforge run --set` reads it.
            static JsonElement Value(string text)
            {
                try { return JsonDocument.Parse(text).RootElement.Clone(); }
                catch (JsonException) { return JsonSerializer.SerializeToElement(text); }
            }

            """;
    }
}
