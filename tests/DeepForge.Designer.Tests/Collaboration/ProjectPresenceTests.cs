using DeepForge.Designer.Collaboration;

namespace DeepForge.Designer.Tests.Collaboration;

/// <summary>The per-server registry of who has which project open, and how an address names a project.</summary>
public sealed class ProjectPresenceTests
{
    [Fact]
    public void APersonWithTwoTabs_IsListedOnce_AndStaysUntilBothLeave()
    {
        var presence = new ProjectPresence();
        object tab1 = new(), tab2 = new(), other = new();
        presence.Enter("fm", tab1, "olive");
        presence.Enter("fm", tab2, "olive");
        presence.Enter("fm", other, "erin");

        Assert.Equal(["erin", "olive"], presence.PeopleIn("fm"));
        presence.Leave("fm", tab1);
        Assert.Equal(["erin", "olive"], presence.PeopleIn("fm"));
        presence.Leave("fm", tab2);
        Assert.Equal(["erin"], presence.PeopleIn("fm"));
        Assert.Empty(presence.PeopleIn("cifar"));
    }

    [Fact]
    public void EnteringAndLeaving_TellsTheProject_OnlyWhenSomethingChanged()
    {
        var presence = new ProjectPresence();
        var told = new List<string>();
        presence.Changed += told.Add;
        var tab = new object();

        presence.Enter("fm", tab, "olive");
        presence.Enter("fm", tab, "olive");
        presence.Leave("fm", tab);
        presence.Leave("fm", tab);

        Assert.Equal(["fm", "fm"], told);
    }

    [Theory]
    [InlineData("projects/fm", "fm")]
    [InlineData("projects/fm/pipelines/train?x=1", "fm")]
    [InlineData("projects/my%20mnist/operations/Test", "my mnist")]
    [InlineData("executions/abc", null)]
    [InlineData("", null)]
    [InlineData("projects", null)]
    public void AnAddress_NamesTheProjectItIsUnder(string address, string? project) => Assert.Equal(project, ProjectAddress.Of(address));

    [Theory]
    [InlineData("olive", "O")]
    [InlineData("Ada Lovelace", "AL")]
    [InlineData("jean-luc.picard", "JL")]
    public void Initials_AreTheFirstLettersOfTheFirstTwoWords(string name, string initials) => Assert.Equal(initials, PersonInitials.Of(name));
}
