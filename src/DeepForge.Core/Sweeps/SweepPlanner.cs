using System.Globalization;
using System.Text.Json;

namespace DeepForge.Sweeps;

/// <summary>
/// Turns a request into the values of each run: the product of the lists (a grid), or, with <see cref="SweepRequest.Random"/>,
/// that many draws from the ranges and lists with a seeded generator. Checks the shape of the request first; whether the
/// values suit the attributes is the pipeline validator's business.
/// </summary>
internal static class SweepPlanner
{
    /// <summary>More runs than this is a typo more often than a plan, and each is a stored execution.</summary>
    public const int MaxRuns = 1000;

    public static (List<Dictionary<string, JsonElement>> Runs, int? Seed) Plan(SweepRequest request)
    {
        Check(request);
        if (request.Random is not { } count) return (Grid(request.Parameters), null);
        var seed = request.Seed ?? System.Random.Shared.Next();
        var random = new Random(seed);
        var runs = Enumerable.Range(0, count).Select(_ => request.Parameters.ToDictionary(p => p.Name, p => Draw(p, random))).ToList();
        return (runs, seed);
    }

    private static void Check(SweepRequest request)
    {
        if (request.Parameters.Count == 0) throw Bad("parameters", "a sweep needs at least one attribute to vary: give node.attribute=value,value,...");
        if (request.Parallel < 1) throw Bad("parallel", $"parallel is {request.Parallel}: give at least 1");
        if (request.Random is < 1 or > MaxRuns) throw Bad("random", $"random is {request.Random}: give a number of runs from 1 to {MaxRuns}");
        foreach (var duplicate in request.Parameters.GroupBy(p => p.Name).Where(g => g.Count() > 1))
            throw Bad(duplicate.Key, $"{duplicate.Key} is given twice: give each attribute one list or one range");
        foreach (var parameter in request.Parameters) CheckParameter(parameter, request.Random != null);
        if (request.Random == null && request.Parameters.Aggregate(1L, (n, p) => Math.Min(n * p.Values!.Count, MaxRuns + 1L)) > MaxRuns)
            throw Bad("parameters", $"the grid has more than {MaxRuns} runs: give fewer values, or draw some with a random sweep");
    }

    private static void CheckParameter(SweepParameter p, bool random)
    {
        if (p.Node.Length == 0 || p.Attribute.Length == 0) throw Bad(p.Name, $"'{p.Name}': name the attribute as node.attribute");
        if ((p.Values == null) == (p.Range == null)) throw Bad(p.Name, $"{p.Name}: give either a list of values or a range, not both or neither");
        if (p.Values is { Count: 0 }) throw Bad(p.Name, $"{p.Name}: the list of values is empty: give at least one value");
        if (p.Range is not { } range) return;
        if (!random) throw Bad(p.Name, $"{p.Name}: a range is drawn from by a random sweep: give the number of runs too (--random N)");
        if (!double.IsFinite(range.Min) || !double.IsFinite(range.Max) || range.Min > range.Max)
            throw Bad(p.Name, $"{p.Name}: the range {Text(range.Min)}..{Text(range.Max)} is empty: write it low..high");
        if (range.Log && range.Min <= 0)
            throw Bad(p.Name, $"{p.Name}: a log range needs bounds above 0, and {Text(range.Min)} is not");
    }

    private static List<Dictionary<string, JsonElement>> Grid(IReadOnlyList<SweepParameter> parameters)
    {
        IEnumerable<Dictionary<string, JsonElement>> runs = [new()];
        foreach (var parameter in parameters)
            runs = runs.SelectMany(run => parameter.Values!.Select(value => new Dictionary<string, JsonElement>(run) { [parameter.Name] = value })).ToList();
        return runs.ToList();
    }

    private static JsonElement Draw(SweepParameter parameter, Random random)
    {
        if (parameter.Values is { } values) return values[random.Next(values.Count)];
        var range = parameter.Range!;
        var value = range.Log
            ? Math.Exp(Math.Log(range.Min) + random.NextDouble() * (Math.Log(range.Max) - Math.Log(range.Min)))
            : range.Min + random.NextDouble() * (range.Max - range.Min);
        // Four significant digits: the runs stay readable in a table, and nothing finer matters to a learning rate.
        return range.Whole
            ? JsonSerializer.SerializeToElement((long)Math.Clamp(Math.Round(value), range.Min, range.Max))
            : JsonSerializer.SerializeToElement(Math.Clamp(double.Parse(value.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), range.Min, range.Max));
    }

    private static string Text(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    private static DeepForgeException Bad(string location, string message) => new(location, message);
}
