#!/usr/bin/env python3
"""Rewrites every README.md snippet from its source (the rules of ReadmeSnippetsTest). Run from the repository root:

    python3 examples/tools/update_readme_snippets.py
"""
import re


def region(text, tag):
    out, inside = [], tag is None
    for line in text.splitlines():
        if tag and "tag::%s[]" % tag in line:
            inside = True
            continue
        if tag and "end::%s[]" % tag in line:
            inside = False
            continue
        if inside and "tag::" not in line and "end::" not in line:
            out.append(line)
    indent = min([len(l) - len(l.lstrip()) for l in out if l.strip()] or [0])
    return "".join(("" if not l.strip() else l[indent:]) + "\n" for l in out)


def main():
    readme = open("README.md").read()

    def replace(m):
        path, tag, lang = m.group(1), m.group(2), m.group(3)
        body = region(open(path).read(), tag)
        return "<!-- snippet: %s%s -->\n```%s\n%s```" % (path, "#" + tag if tag else "", lang, body)

    readme = re.sub(r"<!-- snippet: ([^#\s]+)(?:#(\S+))? -->\s*\n```([a-z]*)\n(?:.*?)```", replace, readme, flags=re.S)
    open("README.md", "w").write(readme)


if __name__ == "__main__":
    main()
