using System;
using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.ChangeDetection;

/// <summary>
/// Matches a <see cref="GlobPattern"/> the way its anchored regular expression (<c>^(?:body)$</c>, ordinal) does, without
/// building one: the exclusions are checked on every build, and the regular expression engine's first use in a
/// process costs some 5 ms and a megabyte. Case-insensitive matching stays with <see cref="System.Text.RegularExpressions.Regex"/>,
/// whose case folding this class does not copy.
/// </summary>
/// <remarks>
/// Token for token what <see cref="GlobPattern.RegexBody"/> produces: a literal; <c>[^/]*</c>; <c>[^/]</c>; <c>.*</c>
/// (which, like <c>.</c>, stops at a line feed); <c>(?:.*/)?</c>. The end is <c>$</c>'s: the end of the text, or a line
/// feed that is its last character.
/// </remarks>
internal sealed class GlobMatcher
{
    private readonly Token[] _tokens;

    public GlobMatcher(GlobPattern glob)
    {
        _tokens = Tokenize(glob.Normalized);
    }

    private enum Kind
    {
        Literal,
        AnyInSegment,
        OneInSegment,
        AnyInLine,
        OptionalFolders,
    }

    public bool IsMatch(ReadOnlySpan<char> text) => Match(0, text, 0);

    private static Token[] Tokenize(string glob)
    {
        // The same walk as GlobPattern.Translate, emitting tokens instead of regular expression text.
        var tokens = new List<Token>();
        var literalStart = -1;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            Kind? kind = null;
            var consumed = 1;
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var startsSegment = i == 0 || glob[i - 1] == '/';
                var endsPattern = i + 2 == glob.Length;
                var endsSegment = endsPattern || glob[i + 2] == '/';
                kind = startsSegment && endsPattern ? Kind.AnyInLine
                    : startsSegment && endsSegment ? Kind.OptionalFolders
                    : Kind.AnyInSegment;
                consumed = kind == Kind.OptionalFolders ? 3 : 2;
            }
            else if (c == '*')
            {
                kind = Kind.AnyInSegment;
            }
            else if (c == '?')
            {
                kind = Kind.OneInSegment;
            }

            if (kind is null)
            {
                literalStart = literalStart < 0 ? i : literalStart;
                continue;
            }

            if (literalStart >= 0)
            {
                tokens.Add(new Token(Kind.Literal, glob.Substring(literalStart, i - literalStart)));
                literalStart = -1;
            }

            tokens.Add(new Token(kind.Value, null));
            i += consumed - 1;
        }

        if (literalStart >= 0)
        {
            tokens.Add(new Token(Kind.Literal, glob.Substring(literalStart)));
        }

        return tokens.ToArray();
    }

    private bool Match(int tokenIndex, ReadOnlySpan<char> text, int position)
    {
        if (tokenIndex == _tokens.Length)
        {
            return position == text.Length || (position == text.Length - 1 && text[position] == '\n');
        }

        var token = _tokens[tokenIndex];
        switch (token.Kind)
        {
            case Kind.Literal:
                return text.Slice(position).StartsWith(token.Text.AsSpan(), StringComparison.Ordinal)
                    && Match(tokenIndex + 1, text, position + token.Text!.Length);
            case Kind.OneInSegment:
                return position < text.Length && text[position] != '/' && Match(tokenIndex + 1, text, position + 1);
            case Kind.AnyInSegment:
                for (var end = position; ; end++)
                {
                    if (Match(tokenIndex + 1, text, end))
                    {
                        return true;
                    }

                    if (end == text.Length || text[end] == '/')
                    {
                        return false;
                    }
                }

            case Kind.AnyInLine:
                for (var end = position; ; end++)
                {
                    if (Match(tokenIndex + 1, text, end))
                    {
                        return true;
                    }

                    if (end == text.Length || text[end] == '\n')
                    {
                        return false;
                    }
                }

            default:
                // Nothing, or everything up to and including a '/' with no line feed on the way.
                if (Match(tokenIndex + 1, text, position))
                {
                    return true;
                }

                for (var end = position; end < text.Length && text[end] != '\n'; end++)
                {
                    if (text[end] == '/' && Match(tokenIndex + 1, text, end + 1))
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    // A class: a list of them then runs the runtime's precompiled shared code, not a copy compiled at first use.
    private sealed class Token
    {
        public Token(Kind kind, string? text)
        {
            Kind = kind;
            Text = text;
        }

        public Kind Kind { get; }

        public string? Text { get; }
    }
}
