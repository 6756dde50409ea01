using System;
using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Credentials;

/// <summary>Reads one section of an INI file such as the Tencent Cloud SDK's credentials file.</summary>
internal static class IniSection
{
    public static Dictionary<string, string> Read(IEnumerable<string> lines, string sectionName)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var inSection = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == ';')
            {
                continue;
            }

            if (line[0] == '[' && line[line.Length - 1] == ']')
            {
                inSection = string.Equals(line.Substring(1, line.Length - 2).Trim(), sectionName, StringComparison.OrdinalIgnoreCase);
                continue;
            }

            var equals = line.IndexOf('=');
            if (inSection && equals > 0)
            {
                values[line.Substring(0, equals).Trim()] = line.Substring(equals + 1).Trim();
            }
        }

        return values;
    }
}
