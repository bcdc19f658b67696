"""Fill translations into a .ts file from a JSON object {source text: translation}; a key
"Context::source" fills that context's message only (and wins over a plain key); a message
with a disambiguation comment is filled by "Context::source::comment" alone. A plural
message (%n) takes a list of its forms: [one, other] in English, [all] in Chinese.

Usage: .venv/bin/python .ci/fill-translations.py resources/translations/X.ts strings.json
Only messages whose source is in the JSON are touched; they are marked finished. Run
.ci/update-translations afterwards to rebuild the .qm files.
"""

import json
import sys
import xml.etree.ElementTree as ET

ts_path, json_path = sys.argv[1], sys.argv[2]
with open(json_path, encoding="utf-8") as handle:
    strings = json.load(handle)
tree = ET.parse(ts_path)
filled = 0
for context in tree.getroot().iter("context"):
    name = context.find("name").text
    for message in context.iter("message"):
        source = message.find("source").text
        comment = message.find("comment")
        text = strings.get(f"{name}::{source}", strings.get(source))
        if comment is not None:  # a disambiguated message: "Context::source::comment" only
            text = strings.get(f"{name}::{source}::{comment.text}")
        if text is not None:
            translation = message.find("translation")
            if message.get("numerus") == "yes":  # plural forms: a list, one per form
                forms = translation.findall("numerusform")
                texts = text if isinstance(text, list) else [text]
                for form in forms[len(texts) :]:
                    translation.remove(form)
                for n, form_text in enumerate(texts):
                    if n >= len(forms):
                        forms.append(ET.SubElement(translation, "numerusform"))
                    forms[n].text = form_text
            else:
                translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
tree.write(ts_path, encoding="utf-8", xml_declaration=True)
print(f"{filled} messages filled")
