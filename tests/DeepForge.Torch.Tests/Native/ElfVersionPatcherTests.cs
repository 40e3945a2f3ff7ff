using System.Buffers.Binary;
using DeepForge.Torch.Native;

namespace DeepForge.Torch.Tests.Native;

public sealed class ElfVersionPatcherTests
{
    private const string Version = "GLIBCXX_3.4.32";

    [Fact]
    public void ReadVersionRequirements_ListsGlibcxx332FromLibstdcxx_ForShippedLibTorchSharp()
    {
        var requirements = ElfVersionPatcher.ReadVersionRequirements(File.ReadAllBytes(NativeFiles.LibTorchSharp));

        var requirement = Assert.Single(requirements, r => r.Name == Version);
        Assert.Equal("libstdc++.so.6", requirement.File);
        Assert.False(requirement.IsWeak);
        Assert.Contains(requirements, r => r.File == "libc.so.6" && r.Name == "GLIBC_2.2.5");
    }

    [Fact]
    public void MarkVersionWeak_SetsWeakFlag_WhenVersionIsRequired()
    {
        var original = File.ReadAllBytes(NativeFiles.LibTorchSharp);
        var patched = (byte[])original.Clone();

        var changed = ElfVersionPatcher.MarkVersionWeak(patched, Version);

        Assert.True(changed);
        var requirement = Assert.Single(ElfVersionPatcher.ReadVersionRequirements(patched), r => r.Name == Version);
        Assert.True(requirement.IsWeak);
        var before = BinaryPrimitives.ReadUInt16LittleEndian(original.AsSpan(requirement.FlagsOffset));
        Assert.Equal((ushort)(before | ElfVersionPatcher.VerFlagWeak), requirement.Flags);
    }

    [Fact]
    public void MarkVersionWeak_ChangesOnlyTheFlagsOfThatVersion_WhenVersionIsRequired()
    {
        var original = File.ReadAllBytes(NativeFiles.LibTorchSharp);
        var patched = (byte[])original.Clone();

        ElfVersionPatcher.MarkVersionWeak(patched, Version);

        var flagsOffset = ElfVersionPatcher.ReadVersionRequirements(patched).Single(r => r.Name == Version).FlagsOffset;
        Assert.Equal(original.Length, patched.Length);
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        Assert.NotEmpty(differing);
        Assert.All(differing, i => Assert.InRange(i, flagsOffset, flagsOffset + 1));
        var otherRequirements = ElfVersionPatcher.ReadVersionRequirements(original).Where(r => r.Name != Version);
        Assert.Equal(otherRequirements, ElfVersionPatcher.ReadVersionRequirements(patched).Where(r => r.Name != Version));
    }

    [Fact]
    public void MarkVersionWeak_ChangesNothing_WhenCopyIsAlreadyPatched()
    {
        var once = File.ReadAllBytes(NativeFiles.LibTorchSharp);
        ElfVersionPatcher.MarkVersionWeak(once, Version);
        var twice = (byte[])once.Clone();

        var changed = ElfVersionPatcher.MarkVersionWeak(twice, Version);

        Assert.False(changed);
        Assert.Equal(once, twice);
    }

    [Fact]
    public void MarkVersionWeak_ThrowsNamingTheMagic_WhenFileIsNotElf()
    {
        var folder = NativeFiles.NewScratchFolder();
        try
        {
            var text = Path.Combine(folder, "notes.txt");
            File.WriteAllText(text, "This is a text file, not a shared library. It is long enough to hold an ELF header, see?");

            var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.MarkVersionWeak(File.ReadAllBytes(text), Version));

            Assert.Contains("not an ELF file", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void MarkVersionWeak_ThrowsNamingTheClass_WhenFileIsElf32()
    {
        var elf = File.ReadAllBytes(NativeFiles.LibTorchSharp);
        elf[4] = 1; // EI_CLASS = ELFCLASS32

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.MarkVersionWeak(elf, Version));

        Assert.Contains("not 64-bit", error.Message);
    }

    [Fact]
    public void MarkVersionWeak_ThrowsNamingTheVersion_WhenFileDoesNotRequireIt()
    {
        var elf = File.ReadAllBytes(NativeFiles.LibTorchSharp);

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.MarkVersionWeak(elf, "GLIBCXX_9.9.99"));

        Assert.Contains("GLIBCXX_9.9.99", error.Message);
    }

    [Fact]
    public void MarkVersionWeak_ThrowsNamingTheSection_WhenFileHasNoVersionNeeds()
    {
        // libc10.so is a real ELF file; renaming its .gnu.version_r section in the section name
        // table leaves a valid ELF file that lacks the section.
        var elf = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "libc10.so"));
        var name = System.Text.Encoding.ASCII.GetBytes(".gnu.version_r\0");
        var at = elf.AsSpan().IndexOf(name);
        Assert.True(at > 0, "libc10.so should name a .gnu.version_r section");
        elf[at + 1] = (byte)'x';

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.MarkVersionWeak(elf, Version));

        Assert.Contains(".gnu.version_r", error.Message);
    }
}
