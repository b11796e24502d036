"""Turn a Textual SVG screenshot into a PNG with a CJK monospace font (for looking at screens)."""
import re
import sys

import cairosvg

for path in sys.argv[1:]:
    svg = open(path, encoding="utf-8").read()
    svg = re.sub(r'font-family:[^;"]*', "font-family: Noto Sans Mono CJK SC, monospace", svg)
    cairosvg.svg2png(bytestring=svg.encode(), write_to=path.removesuffix(".svg") + ".png", output_width=1100)
