"""Chinese translations take full-width punctuation: ，：；？！（） in place of , : ; ? ! ( )
(a Qt accelerator "(&F)", a file filter "(*.xlsx)", "(*)" and the ";;" between filters, a
colon or comma between digits stay as they are: Qt reads filters as written).
Rewrites the .ts file given; .ci/update-translations rebuilds the .qm afterwards.

Usage: .venv/bin/python .ci/fullwidth-punctuation.py resources/translations/X_zh_CN.ts
The translations test fails on a Chinese translation with half-width punctuation.
"""

import re
import sys
import xml.etree.ElementTree as ET

CJK = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")
# an accelerator "(&F)", a file filter's patterns "(*.xlsx *.csv)" or "(*)" and the ";;"
# between filters (Qt reads them as written), a time or a number "10:30", "1,000"
KEEP = re.compile(r"\(&\w\)|\(\*[\w *.]*\)|;;|\d[:,]\d")
WIDE = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"})


def widen(text: str) -> str:
    """`text` with half-width punctuation made full-width (spaces around it dropped)."""
    if not CJK.search(text):
        return text
    parts, last = [], 0
    for kept in KEEP.finditer(text):
        parts.append(text[last : kept.start()].translate(WIDE))
        parts.append(kept.group())
        last = kept.end()
    parts.append(text[last:].translate(WIDE))
    wide = "".join(parts)
    return re.sub(r" *([，：；？！）]) *", r"\1", re.sub(r" *（", "（", wide))


def main(path: str) -> int:
    tree = ET.parse(path)
    changed = 0
    for translation in tree.getroot().iter("translation"):
        if translation.text and widen(translation.text) != translation.text:
            translation.text = widen(translation.text)
            changed += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(f"{changed} translations changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
