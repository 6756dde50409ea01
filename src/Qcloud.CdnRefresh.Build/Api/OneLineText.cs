using System.Text;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>Turns text from the wire into one short line, so an HTML page or a stack trace cannot flood a build log.</summary>
internal static class OneLineText
{
    public static string From(string text, int maxLength)
    {
        var builder = new StringBuilder(System.Math.Min(text.Length, maxLength));
        var pendingSpace = false;
        var taken = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (taken == maxLength)
            {
                return builder.Append('…').ToString();
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
                taken++;
                if (taken == maxLength)
                {
                    return builder.Append('…').ToString();
                }
            }

            builder.Append(c);
            taken++;
        }

        return builder.ToString();
    }
}
