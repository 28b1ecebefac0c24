"""An image body shown scaled to fit, with its format and dimensions."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

__all__ = ["IMAGE_MAX_BYTES", "IMAGE_MAX_PIXELS", "ImagePreview", "read_image"]

# An image body above this is not decoded for a preview (Save body… still has it).
IMAGE_MAX_BYTES = 32 << 20
# A 100-byte PNG can claim 60,000 × 60,000 pixels (a decompression bomb): the size is read from
# the header first and anything above this is not decoded.
IMAGE_MAX_PIXELS = 64_000_000


def read_image(data: bytes) -> tuple[QImage | None, QSize, str]:
    """Decode an image (any thread): the image or None, its size, and a sentence if it failed."""
    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if size.isValid() and size.width() * size.height() > IMAGE_MAX_PIXELS:
        claims = QCoreApplication.translate(
            "ImagePreview", "The image claims {width} × {height} pixels: not decoded."
        )
        return None, size, claims.format(width=size.width(), height=size.height())
    image = reader.read()
    if image.isNull():
        failed = QCoreApplication.translate(
            "ImagePreview", "The image could not be decoded ({reason})."
        )
        return None, size, failed.format(reason=reader.errorString())
    return image, image.size(), ""


class ImagePreview(QWidget):
    """The picture, shrunk to fit the view (never enlarged), and a line about it.

    Signals:
        shown(): the preview (or the sentence replacing it) for the current body is final.
    """

    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = QLabel(wordWrap=True)
        self.picture = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.picture)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(scroll, 1)
        self.image_size = QSize()

    def clear(self) -> None:
        """Show nothing."""
        self.info.clear()
        self.picture.clear()
        self.image_size = QSize()

    def show_message(self, text: str) -> None:
        """A sentence instead of a picture."""
        self.picture.clear()
        self.info.setText(text)

    def show_image(self, image: QImage, kind: str, size: int) -> None:
        """Show ``image`` (decoded from a ``kind`` body of ``size`` bytes)."""
        self.image_size = image.size()
        shown = image
        limit = QSize(1600, 1200)
        if image.width() > limit.width() or image.height() > limit.height():
            shown = image.scaled(limit, Qt.AspectRatioMode.KeepAspectRatio)
        self.picture.setPixmap(QPixmap.fromImage(shown))
        self.info.setText(
            self.tr("{kind} image, {width} × {height} pixels, {size} bytes.").format(
                kind=kind.upper(), width=image.width(), height=image.height(), size=size
            )
        )
