using System.Runtime.InteropServices;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// Whether file names differ by case on this machine. Windows file systems ignore case, so an exclude glob written as
/// <c>*.PDB</c> must still match <c>app.pdb</c> there; Linux and macOS builds treat names as the bytes they are.
/// </summary>
internal static class FileNameCase
{
    public static bool IgnoredByDefault { get; } = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    public static StringComparer Comparer(bool ignoreCase) =>
        ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    public static StringComparison Comparison(bool ignoreCase) =>
        ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
