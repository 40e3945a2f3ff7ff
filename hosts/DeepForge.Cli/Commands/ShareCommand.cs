using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Identity;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge projects share PROJECT PERSON --role editor</c> (or <c>--remove</c>): who else may see and change a project.</summary>
internal static class ShareCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("project") { Description = "The project" };
        var person = new Argument<string>("person") { Description = "Who to share it with" };
        var role = UsersCommand.RoleOption(required: false);
        var remove = new Option<bool>("--remove") { Description = "Take the project away from the person instead" };
        var command = new Command("share", "Share a project with a person (viewer or editor), or take it away with --remove") { project, person, role, remove };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var name = parse.GetValue(project)!;
            var who = parse.GetValue(person)!;
            var store = context.Services.GetRequiredService<IDocumentStore>();
            if (await context.Engine.Projects.GetAsync(name, ct) == null) throw new DeepForgeException(name, $"there is no project '{name}' (see 'deepforge projects')");
            if (await new People(store).GetAsync(who, ct) is not { } found) throw People.NoPerson(who);
            var access = new ProjectAccess(store);
            if (parse.GetValue(remove))
            {
                await access.ShareAsync(name, found.Name, null, ct);
                Console.WriteLine($"{found.Name} no longer shares {name}");
                return CliAction.Ok;
            }
            var given = PersonRoles.Parse(parse.GetValue(role) ?? throw new DeepForgeException("--role", "say which role: --role viewer or --role editor"), "--role");
            await access.ShareAsync(name, found.Name, given, ct);
            var effective = PersonRoles.Lower(given, found.Role);
            Console.WriteLine($"Shared {name} with {found.Name} as {PersonRoles.Name(given)}"
                + (effective < given ? $" (they are a {PersonRoles.Name(found.Role)} on this server, so they can only read it)" : ""));
            return CliAction.Ok;
        });
        return command;
    }
}
