namespace DeepForge.Architecture.Tests;

/// <summary>Data flows one way, hosts -> libraries -> Core, and a library's public surface is what its neighbours may use.</summary>
public sealed class RoomTests
{
    private readonly Repository _repo = Repository.Load();

    [Fact]
    public void The_repository_has_its_projects_where_the_rules_look()
    {
        Assert.Contains(_repo.Projects, p => p is { Name: "DeepForge.Core", Room: Room.Library });
        Assert.Contains(_repo.Projects, p => p is { Assembly: ProjectFile.Command, Room: Room.Host });
        Assert.Contains(_repo.Projects, p => p.Room == Room.Test);
    }

    [Fact]
    public void A_library_references_no_host_test_or_sample() =>
        Assert.Empty(Rules.UpwardReferences(_repo).Select(a => a.ToString()));

    [Fact]
    public void A_host_references_no_other_host_but_the_command_and_its_benchmarks_do_to_compose_them() =>
        Debt.AssertOnlyOwed(Rules.HostToHost(_repo), KnownDebt.HostToHost, "a host references another host");

    [Fact]
    public void Internals_are_granted_to_test_assemblies_only() =>
        Debt.AssertOnlyOwed(Rules.InternalsToNonTests(_repo), KnownDebt.Internals, "internals granted to an assembly that is no test");

    [Fact]
    public void Core_depends_on_nothing_but_the_BCL_and_Microsoft_Extensions() =>
        Debt.AssertOnlyOwed(Rules.CoreDependencies(_repo), KnownDebt.CorePackages, "Core depends on more than the BCL and Microsoft.Extensions");
}
