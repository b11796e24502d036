"""Generate the demo photos in assets/photos/ (run once; the PNGs are kept in the repository).

id_card_demo.png   260x378, white background, head-and-shoulders silhouette (the stored ID photo)
camera_1.png       260x378, near-white background (passes the checks)
camera_2.png       300x436, white background (passes the checks)
camera_dark.png    260x378, grey background (fails the light-background check)
camera_landscape.png 400x300 (fails the portrait 22:32 check)
camera_small.png   110x160 (fails the minimum-size check)
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "assets" / "photos"


def portrait(width: int, height: int, background: tuple[int, int, int], shirt: tuple[int, int, int],
             skin: tuple[int, int, int] = (226, 190, 160)) -> Image.Image:
    img = Image.new("RGB", (width, height), background)
    d = ImageDraw.Draw(img)
    cx = width // 2
    # shoulders and body
    d.ellipse((cx - width * 0.48, height * 0.70, cx + width * 0.48, height * 1.25), fill=shirt)
    # neck
    d.rectangle((cx - width * 0.08, height * 0.52, cx + width * 0.08, height * 0.74), fill=skin)
    # head and hair
    d.ellipse((cx - width * 0.21, height * 0.17, cx + width * 0.21, height * 0.60), fill=skin)
    d.chord((cx - width * 0.23, height * 0.14, cx + width * 0.23, height * 0.45), 180, 360, fill=(30, 30, 30))
    # eyes and mouth
    for dx in (-0.08, 0.08):
        ex = cx + width * dx
        d.ellipse((ex - 5, height * 0.38 - 3, ex + 5, height * 0.38 + 3), fill=(40, 40, 40))
    d.arc((cx - width * 0.07, height * 0.44, cx + width * 0.07, height * 0.50), 20, 160, fill=(150, 60, 60), width=2)
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    portrait(260, 378, (255, 255, 255), (40, 60, 110)).save(OUT / "id_card_demo.png")
    portrait(260, 378, (246, 247, 250), (90, 90, 100)).save(OUT / "camera_1.png")
    portrait(300, 436, (255, 255, 255), (120, 40, 40)).save(OUT / "camera_2.png")
    portrait(260, 378, (120, 130, 140), (40, 60, 110)).save(OUT / "camera_dark.png")
    portrait(400, 300, (255, 255, 255), (40, 60, 110)).save(OUT / "camera_landscape.png")
    portrait(110, 160, (255, 255, 255), (40, 60, 110)).save(OUT / "camera_small.png")
    print("written:", ", ".join(sorted(p.name for p in OUT.glob("*.png"))))


if __name__ == "__main__":
    main()
