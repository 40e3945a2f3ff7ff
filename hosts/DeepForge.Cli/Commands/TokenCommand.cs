using System.CommandLine;
using System.Globalization;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;
using DeepForge.Server;
using DeepForge.Identity;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DeepForge.Cli.Commands;

/// <summary>
/// <c>deepforge token create --worker</c> (a worker token for another machine), <c>token create --user NAME [--expires 30d]</c>
/// (a personal access token for programs), <c>token list</c> and <c>token revoke ID</c>.
/// </summary>
internal static class TokenCommand
{
    public static Command Create() => new("token", "Manage tokens: worker tokens and people's personal access tokens") { CreateToken(), List(), Revoke() };

    private static AccessTokens AccessTokensOf(CliContext context) => new(context.Services.GetRequiredService<IDocumentStore>(), TimeProvider.System);

    private static Command CreateToken()
    {
        var worker = new Option<bool>("--worker") { Description = "A token that lets a worker lease jobs (and nothing else)" };
        var user = new Option<string?>("--user") { Description = "A personal access token that acts as this person, for programs (sent as 'Authorization: Bearer')" };
        var expires = new Option<string?>("--expires") { Description = "With --user: how long the token works, e.g. 30d, 12h (default: until revoked)" };
        var description = new Option<string?>("--description") { Description = "What the token is for, e.g. the machine's name" };
        var create = new Command("create", "Create a token and print it once") { worker, user, expires, description };
        CliAction.Set(create, async (parse, context, ct) =>
        {
            var person = parse.GetValue(user);
            if (parse.GetValue(worker) == (person != null))
                throw new DeepForgeException("token create", "say which token: --worker for a worker, or --user NAME for a person's programs");
            if (person == null)
            {
                var tokens = new WorkerTokens(context.Services.GetRequiredService<IDocumentStore>());
                Console.WriteLine(await tokens.CreateAsync(parse.GetValue(description), ct));
                return CliAction.Ok;
            }
            var found = await new People(context.Services.GetRequiredService<IDocumentStore>()).GetAsync(person, ct) ?? throw People.NoPerson(person);
            var lifetime = parse.GetValue(expires) is { } text ? Lifetime(text) : (TimeSpan?)null;
            var (record, token) = await AccessTokensOf(context).CreateAsync(found.Name, lifetime, parse.GetValue(description), ct);
            Console.WriteLine(token);
            Console.Error.WriteLine($"Token {record.Id} for {found.Name}{(record.ExpiresAt is { } at ? $", works until {at:yyyy-MM-dd HH:mm} UTC" : "")}; it is shown this once.");
            return CliAction.Ok;
        });
        return create;
    }

    private static Command List()
    {
        var user = new Option<string?>("--user") { Description = "Only this person's tokens" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var list = new Command("list", "List personal access tokens (never the tokens themselves)") { user, json };
        CliAction.Set(list, async (parse, context, ct) =>
        {
            var tokens = await AccessTokensOf(context).ListAsync(parse.GetValue(user), ct);
            var now = DateTimeOffset.UtcNow;
            string State(AccessTokenRecord t) => t.RevokedAt != null ? "revoked" : t.ExpiresAt <= now ? "expired" : "active";
            if (parse.GetValue(json))
            {
                JsonOutput.Print(tokens.Select(t => new { t.Id, t.Person, t.Description, t.CreatedAt, t.ExpiresAt, State = State(t) }));
                return CliAction.Ok;
            }
            var table = new Table().AddColumns("Id", "Person", "Description", "Created", "Expires", "State");
            foreach (var t in tokens)
                table.AddRow(t.Id, Markup.Escape(t.Person), Markup.Escape(t.Description ?? ""), t.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    t.ExpiresAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never", State(t));
            AnsiConsole.Write(table);
            return CliAction.Ok;
        });
        return list;
    }

    private static Command Revoke()
    {
        var id = new Argument<string>("id") { Description = "The token's id, as 'deepforge token list' shows it" };
        var revoke = new Command("revoke", "Revoke a personal access token: it stops working at once") { id };
        CliAction.Set(revoke, async (parse, context, ct) =>
        {
            if (!await AccessTokensOf(context).RevokeAsync(parse.GetValue(id)!, ct))
                throw new DeepForgeException(parse.GetValue(id)!, $"there is no token '{parse.GetValue(id)}' (see 'deepforge token list')");
            Console.WriteLine($"Revoked token {parse.GetValue(id)}");
            return CliAction.Ok;
        });
        return revoke;
    }

    /// <summary>30d, 12h, 90m.</summary>
    public static TimeSpan Lifetime(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length >= 2 && int.TryParse(t[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            switch (t[^1])
            {
                case 'd': return TimeSpan.FromDays(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'm': return TimeSpan.FromMinutes(n);
            }
        }
        throw new DeepForgeException("--expires", $"--expires '{text}' is not a duration: use a number with d, h or m, e.g. 30d");
    }
}
