"""Paints a conversation like a messenger: bubbles on two sides, days, names, the new-messages line.

One delegate paints every row of the ``ChatModel`` (no widget per message), so a conversation of
thousands of messages costs only the rows on screen. A row's height depends on its wrapped text
and on what sits above it (date separator, "new messages" marker, sender's name); wrapped text
is measured with ``QTextLayout`` (word boundaries first, anywhere for a long link) and the
measurements are cached by text and width. Colours come from the view's palette, so the light
and dark themes both work and a theme change shows at the next paint.
"""

from __future__ import annotations

import datetime as _dt
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.ui.messenger.chat_model import ChatEntry, ChatModel, find_links

__all__ = ["ChatDelegate", "RowGeometry", "blend"]

_Index = QModelIndex | QPersistentModelIndex

MARGIN = 10  # between a bubble and the side of the view
PAD_X, PAD_Y = 10, 6  # inside a bubble
GAP = 4  # between the parts of a row
RADIUS = 9
BUBBLE_SHARE = 0.75  # a bubble takes at most this share of the view's width
MIN_TEXT_WIDTH = 80
# Measurements kept (text, font, width → size): a screenful of rows many times over, bounded
# so a long session's scrolling through thousands of messages cannot grow it without end.
CACHE_SIZE = 4096


@dataclass(frozen=True, slots=True)
class RowGeometry:
    """Where the parts of one row go, in view coordinates (empty rects are absent parts)."""

    day: QRect
    marker: QRect
    name: QRect
    bubble: QRect
    text: QRect
    footer: QRect
    height: int


def blend(base: QColor, over: QColor, share: float) -> QColor:
    """``over`` laid on ``base`` with opacity ``share``."""
    return QColor.fromRgbF(
        base.redF() + (over.redF() - base.redF()) * share,
        base.greenF() + (over.greenF() - base.greenF()) * share,
        base.blueF() + (over.blueF() - base.blueF()) * share,
    )


def day_label(day: _dt.date, today: _dt.date | None = None) -> str:
    """ "Today", "Yesterday", or the date in the interface language."""
    today = today or _dt.date.today()
    if day == today:
        return QCoreApplication.translate("ChatDelegate", "Today")
    if day == today - _dt.timedelta(days=1):
        return QCoreApplication.translate("ChatDelegate", "Yesterday")
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


class ChatDelegate(QStyledItemDelegate):
    """Own messages right in the highlight's tint, the peer's left; notes centred."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sizes: OrderedDict[tuple[str, str, int], tuple[int, int]] = OrderedDict()

    # -- measuring ---------------------------------------------------------------------------------
    def _text_size(self, text: str, font: QFont, width: int) -> tuple[int, int]:
        """(width, height) of ``text`` wrapped at ``width``."""
        key = (text, font.key(), width)
        size = self._sizes.get(key)
        if size is not None:
            self._sizes.move_to_end(key)
            return size
        layout = _layout(text, font, width)
        rect = layout.boundingRect()
        used = max(
            (layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount())), default=0
        )
        size = (int(used + 0.999), int(rect.height() + 0.999))
        self._sizes[key] = size
        if len(self._sizes) > CACHE_SIZE:
            self._sizes.popitem(last=False)
        return size

    def geometry(self, option: QStyleOptionViewItem, index: _Index) -> RowGeometry:
        """Where date separator, marker, name, bubble, text and footer go in ``option.rect``."""
        entry = index.data(ChatModel.EntryRole)
        rect = option.rect
        font = option.font
        small = _small(font)
        fm, sfm = QFontMetrics(font), QFontMetrics(small)
        view_width = max(rect.width(), 2 * MARGIN + MIN_TEXT_WIDTH + 2 * PAD_X)
        y = rect.top() + GAP
        empty = QRect()
        day = marker = name = empty
        if index.data(ChatModel.StartsDayRole):
            day = QRect(rect.left(), y, view_width, sfm.height() + 2 * GAP)
            y = day.bottom() + 1 + GAP
        if index.data(ChatModel.MarkerRole):
            marker = QRect(rect.left(), y, view_width, sfm.height() + GAP)
            y = marker.bottom() + 1 + GAP
        if not isinstance(entry, ChatEntry):
            return RowGeometry(day, marker, empty, empty, empty, empty, y - rect.top())
        max_text = max(MIN_TEXT_WIDTH, int(view_width * BUBBLE_SHARE) - 2 * PAD_X)
        if entry.note:
            width, height = self._text_size(entry.text, small, view_width - 2 * MARGIN)
            text = QRect(rect.left() + (view_width - width) // 2, y, width, height)
            return RowGeometry(
                day, marker, empty, empty, text, empty, text.bottom() + 1 + GAP - rect.top()
            )
        if index.data(ChatModel.StartsRunRole) and not entry.outgoing:
            name = QRect(rect.left() + MARGIN + PAD_X // 2, y, max_text, sfm.height())
            y = name.bottom() + 1 + GAP // 2
        body = str(index.data(ChatModel.BodyRole))
        text_w, text_h = self._text_size(body, font, max_text)
        footer_w = min(sfm.horizontalAdvance(str(index.data(ChatModel.FooterRole))), max_text)
        inner = max(text_w, footer_w, fm.averageCharWidth() * 2)
        bubble_w = inner + 2 * PAD_X
        bubble_h = text_h + sfm.height() + 2 * PAD_Y
        left = (
            rect.left() + view_width - MARGIN - bubble_w if entry.outgoing else rect.left() + MARGIN
        )
        bubble = QRect(left, y, bubble_w, bubble_h)
        text = QRect(left + PAD_X, y + PAD_Y, inner, text_h)
        footer = QRect(left + PAD_X, text.bottom() + 1, inner, sfm.height())
        return RowGeometry(
            day, marker, name, bubble, text, footer, bubble.bottom() + 1 + GAP - rect.top()
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        view = self.parent()
        if isinstance(view, QWidget) and hasattr(view, "viewport"):
            opt.rect = QRect(0, 0, view.viewport().width(), 0)  # type: ignore[attr-defined]
        opt.font = option.font
        geometry = self.geometry(opt, index)
        return QSize(opt.rect.width(), geometry.height)

    # -- painting ----------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        entry = index.data(ChatModel.EntryRole)
        if not isinstance(entry, ChatEntry):
            return
        g = self.geometry(option, index)
        palette: QPalette = option.palette
        base, text_colour = (
            palette.color(QPalette.ColorRole.Base),
            palette.color(QPalette.ColorRole.Text),
        )
        faint = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        small = _small(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not g.day.isEmpty():
            label = day_label(entry.when.date())
            painter.setFont(small)
            width = QFontMetrics(small).horizontalAdvance(label) + 2 * PAD_X
            pill = QRect(
                g.day.center().x() - width // 2, g.day.top() + GAP // 2, width, g.day.height() - GAP
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(blend(base, text_colour, 0.08))
            painter.drawRoundedRect(QRectF(pill), pill.height() / 2, pill.height() / 2)
            painter.setPen(faint)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
        if not g.marker.isEmpty():
            label = QCoreApplication.translate("ChatDelegate", "New messages")
            painter.setFont(small)
            painter.setPen(accent)
            mid = g.marker.center().y()
            width = QFontMetrics(small).horizontalAdvance(label) + 2 * PAD_X
            left_end = g.marker.center().x() - width // 2
            painter.drawLine(g.marker.left() + MARGIN, mid, left_end, mid)
            painter.drawLine(left_end + width, mid, g.marker.right() - MARGIN, mid)
            painter.drawText(g.marker, Qt.AlignmentFlag.AlignCenter, label)
        if entry.note:
            painter.setFont(small)
            painter.setPen(faint)
            _layout(entry.text, small, g.text.width()).draw(painter, QPointF(g.text.topLeft()))
            painter.restore()
            return
        if not g.name.isEmpty():
            painter.setFont(small)
            painter.setPen(faint)
            painter.drawText(
                g.name, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, entry.sender
            )
        fill = blend(base, accent, 0.28) if entry.outgoing else blend(base, text_colour, 0.09)
        if option.state & QStyle.StateFlag.State_Selected:
            fill = blend(fill, accent, 0.35)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(g.bubble), RADIUS, RADIUS)
        painter.setPen(text_colour)
        painter.setFont(option.font)
        body = str(index.data(ChatModel.BodyRole))
        link = QTextCharFormat()
        link.setForeground(palette.color(QPalette.ColorRole.Link))
        link.setFontUnderline(True)
        spans = [_span(start, length, link) for start, length, _url in find_links(body)]
        layout = _layout(body, option.font, g.text.width(), spans)
        layout.draw(painter, QPointF(g.text.topLeft()))
        painter.setFont(small)
        painter.setPen(faint)
        footer = QFontMetrics(small).elidedText(
            str(index.data(ChatModel.FooterRole)), Qt.TextElideMode.ElideRight, g.footer.width()
        )
        painter.drawText(
            g.footer, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, footer
        )
        painter.restore()


def _small(font: QFont) -> QFont:
    small = QFont(font)
    size = font.pointSizeF()
    if size > 0:
        small.setPointSizeF(max(size * 0.85, 6.0))
    return small


def _span(start: int, length: int, form: QTextCharFormat) -> QTextLayout.FormatRange:
    span = QTextLayout.FormatRange()
    span.start, span.length, span.format = start, length, form
    return span


def _layout(
    text: str, font: QFont, width: int, spans: list[QTextLayout.FormatRange] | None = None
) -> QTextLayout:
    """``text`` laid out in lines of at most ``width`` (words first, anywhere for a long word)."""
    # QTextLayout breaks lines at U+2028 only: a newline becomes that, and a CR a zero-width
    # space (one character for one, so the links' offsets still hold).
    layout = QTextLayout(text.replace("\n", "\u2028").replace("\r", "\u200b"), font)
    if spans:
        layout.setFormats(spans)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout
