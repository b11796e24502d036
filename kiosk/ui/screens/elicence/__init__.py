"""驾驶证电子版 screens: the entry screen (status, apply), the photo screen (camera/album,
for applying and for 换照片), the card (亮证/亮码) and the full-screen code view."""
from .card import CardScreen, FullCodeScreen
from .entry import ElicenceScreen
from .photo import PhotoScreen

__all__ = ["CardScreen", "ElicenceScreen", "FullCodeScreen", "PhotoScreen"]
