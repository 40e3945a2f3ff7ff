using DeepForge.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.Sharing;

/// <summary>A project's owner shares it from its page; others see who shares it.</summary>
public sealed class SharingBrowserTests
{
    [Fact]
    public async Task The_owner_adds_a_person_changes_their_role_and_removes_them_from_the_project_page()
    {
        await using var site = await StartAsync();
        await site.AddPersonAsync("alice", PersonRole.Editor);
        var access = site.Services.GetRequiredService<ProjectAccess>();
        var page = await site.OpenAsync("/", person: "olive");
        await page.Locator(".df-projects a", new() { HasText = "fm" }).ClickAsync();

        await page.Locator(".df-share-person").FillAsync("alice");
        await page.Locator(".df-share-role").SelectOptionAsync("editor");
        await page.Locator(".df-share-add").ClickAsync();
        var alice = page.Locator(".df-member[data-person=alice]");
        await Expect(alice.Locator(".df-member-role-choice")).ToHaveValueAsync("editor");
        Assert.Equal(PersonRole.Editor, (await access.MembersAsync("fm", default))!.Members["alice"]);

        await alice.Locator(".df-member-role-choice").SelectOptionAsync("viewer");
        await Expect(page.Locator(".rz-notification-item", new() { HasText = "as viewer" })).ToBeVisibleAsync();
        Assert.Equal(PersonRole.Viewer, (await access.MembersAsync("fm", default))!.Members["alice"]);

        await alice.Locator(".df-member-remove").ClickAsync();
        await Expect(alice).ToHaveCountAsync(0);
        Assert.DoesNotContain("alice", (await access.MembersAsync("fm", default))!.Members.Keys);
        await site.ShotAsync(page, "sharing-owner");
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task Sharing_with_an_unknown_person_or_the_owner_is_refused_with_one_notification_and_nothing_changes()
    {
        await using var site = await StartAsync();
        var page = await site.OpenAsync("/projects/fm");

        await page.Locator(".df-share-person").FillAsync("nobody");
        await page.Locator(".df-share-add").ClickAsync();
        await Expect(page.Locator(".rz-notification-item")).ToContainTextAsync("there is no person named 'nobody'");
        await page.Locator(".df-share-person").FillAsync("olive");
        await page.Locator(".df-share-role").SelectOptionAsync("viewer");
        await page.Locator(".df-share-add").ClickAsync();
        await Expect(page.Locator(".rz-notification-item", new() { HasText = "owns project 'fm'" })).ToBeVisibleAsync();

        var members = (await site.Services.GetRequiredService<ProjectAccess>().MembersAsync("fm", default))!;
        Assert.Equal(("olive", 0), (members.Owner, members.Members.Count));
        await Expect(page.Locator(".df-member")).ToHaveCountAsync(1);
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task A_member_who_does_not_own_the_project_sees_its_members_but_cannot_change_them()
    {
        await using var site = await StartAsync();
        await site.AddPersonAsync("erin", PersonRole.Editor);
        await site.Services.GetRequiredService<ProjectAccess>().ShareAsync("fm", "erin", PersonRole.Editor, default);

        var page = await site.OpenAsync("/projects/fm", person: "erin");

        await Expect(page.Locator(".df-member[data-person=olive] .df-member-role")).ToHaveTextAsync("owner");
        await Expect(page.Locator(".df-member[data-person=erin] .df-member-role")).ToHaveTextAsync("editor");
        await Expect(page.Locator(".df-members-read-only")).ToBeVisibleAsync();
        await Expect(page.Locator(".df-share-add, .df-member-remove, .df-member-role-choice")).ToHaveCountAsync(0);
        Assert.Empty(site.Errors);
    }

    private static async Task<DesignerSite> StartAsync()
    {
        var site = await DesignerSite.StartAsync(new() { Torch = false, Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist", "olive");
        await site.AddPersonAsync("olive", PersonRole.Editor);
        await site.Services.GetRequiredService<ProjectAccess>().SetOwnerAsync("fm", "olive", default);
        return site;
    }
}
