using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;
using DeepForge.Identity;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge users add|list|remove|set-role|reset-password</c>: the people who may sign in to this machine's server.</summary>
internal static class UsersCommand
{
    public static Command Create() => new("users", "Manage the people who may sign in to the server on this machine's data folder")
    {
        Add(), List(), Remove(), SetRole(), ResetPassword(),
    };

    private static People PeopleOf(CliContext context) => new(context.Services.GetRequiredService<IDocumentStore>());

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "The person's sign-in name" };
        var role = RoleOption(required: true);
        var stdin = PasswordStdin();
        var command = new Command("add", "Add a person; asks for their password") { name, role, stdin };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var person = parse.GetValue(name)!;
            People.CheckName(person);
            var parsedRole = PersonRoles.Parse(parse.GetValue(role)!, "--role");
            var password = PasswordInput.Read(parse.GetValue(stdin), confirm: true);
            await PeopleOf(context).AddAsync(person, parsedRole, password, ct);
            Console.WriteLine($"Added {person} as {PersonRoles.Name(parsedRole)}");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("list", "List the people and their roles") { json };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var people = await PeopleOf(context).ListAsync(ct);
            if (parse.GetValue(json))
            {
                JsonOutput.Print(people.Select(p => new { p.Name, Role = PersonRoles.Name(p.Role), HasPassword = p.PasswordHash != null, p.CreatedAt }));
                return CliAction.Ok;
            }
            var table = new Table().AddColumns("Name", "Role", "Password", "Added");
            foreach (var p in people)
                table.AddRow(Markup.Escape(p.Name), PersonRoles.Name(p.Role), p.PasswordHash != null ? "set" : "none (one-time addresses only)", p.CreatedAt.ToString("yyyy-MM-dd HH:mm"));
            AnsiConsole.Write(table);
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Remove()
    {
        var name = new Argument<string>("name") { Description = "The person to remove" };
        var command = new Command("remove", "Remove a person and revoke their tokens") { name };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var person = parse.GetValue(name)!;
            var people = PeopleOf(context);
            if (await people.GetAsync(person, ct) is not { } found) throw People.NoPerson(person);
            if (found.Role == PersonRole.Admin && (await people.ListAsync(ct)).Count(p => p.Role == PersonRole.Admin) == 1)
                throw new DeepForgeException(person, $"{person} is the last admin: make someone else admin first ('deepforge users set-role NAME admin')");
            await new AccessTokens(context.Services.GetRequiredService<IDocumentStore>(), TimeProvider.System).RevokeAllAsync(found.Name, ct);
            await people.RemoveAsync(person, ct);
            Console.WriteLine($"Removed {found.Name}; their tokens no longer work");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command SetRole()
    {
        var name = new Argument<string>("name") { Description = "The person" };
        var role = new Argument<string>("role") { Description = "viewer, editor or admin" };
        var command = new Command("set-role", "Give a person another role") { name, role };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var person = parse.GetValue(name)!;
            var parsedRole = PersonRoles.Parse(parse.GetValue(role)!, "role");
            var people = PeopleOf(context);
            if (await people.GetAsync(person, ct) is not { } found) throw People.NoPerson(person);
            if (found.Role == PersonRole.Admin && parsedRole != PersonRole.Admin && (await people.ListAsync(ct)).Count(p => p.Role == PersonRole.Admin) == 1)
                throw new DeepForgeException(person, $"{person} is the last admin: make someone else admin first");
            await people.SetRoleAsync(person, parsedRole, ct);
            Console.WriteLine($"{found.Name} is now {PersonRoles.Name(parsedRole)}");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command ResetPassword()
    {
        var name = new Argument<string>("name") { Description = "The person" };
        var stdin = PasswordStdin();
        var command = new Command("reset-password", "Set a person's password; asks for it") { name, stdin };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var person = parse.GetValue(name)!;
            var people = PeopleOf(context);
            if (await people.GetAsync(person, ct) == null) throw People.NoPerson(person);
            await people.SetPasswordAsync(person, PasswordInput.Read(parse.GetValue(stdin), confirm: true), ct);
            Console.WriteLine($"Set the password of {person}");
            return CliAction.Ok;
        });
        return command;
    }

    public static Option<string> RoleOption(bool required) => new("--role") { Description = "viewer, editor or admin", Required = required };

    private static Option<bool> PasswordStdin() => new("--password-stdin") { Description = "Read the password from standard input instead of asking" };
}
