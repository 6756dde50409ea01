using System.Collections;
using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>The listed files with their hashes, as <see cref="ContentFile"/>s made when read (see <see cref="HashingResult"/>).</summary>
internal sealed class ContentFileList : IReadOnlyList<ContentFile>
{
    private readonly IReadOnlyList<ListedFile> _listed;
    private readonly IReadOnlyList<string> _sha256;

    public ContentFileList(IReadOnlyList<ListedFile> listed, IReadOnlyList<string> sha256)
    {
        _listed = listed;
        _sha256 = sha256;
    }

    public int Count => _listed.Count;

    public ContentFile this[int index]
    {
        get
        {
            var file = _listed[index];
            return new ContentFile(file.RelativePath, file.UrlPath, file.Size, file.LastWriteTimeUtc, _sha256[index]);
        }
    }

    public IEnumerator<ContentFile> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
