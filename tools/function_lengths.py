#!/usr/bin/env python3
"""Lists the functions of C++ sources longer than a limit, longest first.

    tools/function_lengths.py [--limit N] DIR_OR_FILE...

A function's length is counted from the line of its opening brace to the line of its
closing brace, lambdas inside it included. Functions are the brace blocks at namespace
level (outside any class, struct, enum or other block) that follow a ')' - with `const`,
`noexcept`, `override` or a trailing return type between - and member functions defined
inside a class body in a .cc file. Comments, string and character literals are skipped
when counting braces. Exit: 0 none longer, 1 some longer (listed), 2 usage.
"""
import argparse
import pathlib
import re
import sys

LITERAL_OR_COMMENT = re.compile(
    r'//[^\n]*|/\*.*?\*/|R"(?P<d>[^(\s]*)\(.*?\)(?P=d)"|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'',
    re.S)


def blank(match):
    # Keeps line breaks so that line numbers hold.
    return re.sub(r'[^\n]', ' ', match.group(0))


def functions(text):
    """Yields (first_line, last_line) of each function body in `text`."""
    code = LITERAL_OR_COMMENT.sub(blank, text)
    stack = []  # per open brace: 'function', 'scope' (namespace/class) or 'block'
    line = 1
    start_line = {}
    for i, ch in enumerate(code):
        if ch == '\n':
            line += 1
        elif ch == '{':
            head = code[max(0, code.rfind(';', 0, i), code.rfind('}', 0, i),
                            code.rfind('{', 0, i)) + 1:i]
            if any(kind == 'function' for kind in stack):
                kind = 'block'
            elif re.search(r'\b(namespace|class|struct|union|enum)\b[^()]*$', head) or re.search(r'extern\s+"', head):
                kind = 'scope'
            elif re.search(r'\)\s*(const|noexcept|override|final|mutable|->[^{]*|\s)*$', head) and \
                    all(kind == 'scope' for kind in stack):
                kind = 'function'
            else:
                kind = 'block'
            stack.append(kind)
            start_line[len(stack)] = line
        elif ch == '}' and stack:
            kind = stack.pop()
            if kind == 'function':
                yield start_line[len(stack) + 1], line


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--limit', type=int, default=80)
    parser.add_argument('paths', nargs='+')
    args = parser.parse_args()
    files = []
    for path in map(pathlib.Path, args.paths):
        files += sorted(path.rglob('*.cc')) if path.is_dir() else [path]
    long_ones = []
    for path in files:
        text = path.read_text(errors='replace')
        lines = text.split('\n')
        for first, last in functions(text):
            length = last - first + 1
            if length > args.limit:
                long_ones.append((length, f'{path}:{first}', lines[first - 1].strip()[:70]))
    for length, where, head in sorted(long_ones, reverse=True):
        print(f'{length:5d} {where}  {head}')
    return 1 if long_ones else 0


if __name__ == '__main__':
    sys.exit(main())
