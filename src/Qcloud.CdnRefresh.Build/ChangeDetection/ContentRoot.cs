using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>Finds the folder of the publish output that is served at <c>CdnRefreshBaseUrl</c>.</summary>
internal static class ContentRoot
{
    public const string DefaultFolderName = "wwwroot";

    /// <summary>The error for a publish folder that does not exist, when the settings are read and again here.</summary>
    public static CdnRefreshException PublishFolderMissing(string? publishDirectory) => new(
        DiagnosticCodes.PublishDirMissing,
        $"The publish folder '{publishDirectory}' does not exist. Run the refresh after Publish, or pass -p:PublishDir=<folder that holds the published site>.");

    /// <summary>
    /// The full path of the content root: <paramref name="configuredContentRoot"/> (relative to the publish folder, or
    /// absolute) when given, else <c>wwwroot</c> when the publish output has one, else the publish folder itself.
    /// </summary>
    public static string Resolve(string publishDirectory, string? configuredContentRoot)
    {
        // Checked again after parsing: a run may wait minutes for another build's manifest lock, and a clean step may
        // remove the publish folder meanwhile.
        if (!Directory.Exists(publishDirectory))
        {
            throw PublishFolderMissing(publishDirectory);
        }

        var publishFullPath = Path.GetFullPath(publishDirectory);
        if (!string.IsNullOrWhiteSpace(configuredContentRoot))
        {
            string explicitRoot;
            try
            {
                explicitRoot = Path.GetFullPath(Path.Combine(publishFullPath, configuredContentRoot!.Trim()));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                // .NET Framework refuses characters such as '|' or '<' in a path outright.
                throw new CdnRefreshException(
                    DiagnosticCodes.ContentRootMissing,
                    $"CdnRefreshContentRoot '{configuredContentRoot}' is not a usable folder path ({e.Message}). Set it to a folder of the publish output, relative to '{publishFullPath}'.");
            }

            return Directory.Exists(explicitRoot)
                ? TrimTrailingSeparator(explicitRoot)
                : throw new CdnRefreshException(
                    DiagnosticCodes.ContentRootMissing,
                    $"CdnRefreshContentRoot '{configuredContentRoot}' points to '{explicitRoot}', which does not exist. Set it to a folder of the publish output (relative to '{publishFullPath}'), or remove it to use '{DefaultFolderName}' or the publish folder itself.");
        }

        var wwwroot = Path.Combine(publishFullPath, DefaultFolderName);
        return TrimTrailingSeparator(Directory.Exists(wwwroot) ? wwwroot : publishFullPath);
    }

    /// <summary>The full path without its trailing separator, unless it is a root (<c>/</c>, <c>C:\</c>).</summary>
    public static string TrimTrailingSeparator(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath);
        var trimmed = fullPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return trimmed.Length < (root?.Length ?? 0) ? root! : trimmed;
    }

    /// <summary>The folder's path with a trailing separator, so that a path that starts with it lies below the folder.</summary>
    public static string WithTrailingSeparator(string folderPath) =>
        folderPath.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            ? folderPath
            : folderPath + Path.DirectorySeparatorChar;
}
