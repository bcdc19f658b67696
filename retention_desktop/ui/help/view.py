"""Help > Guide (F1): the built-in guide (resources/help/guide_<language>.html) in a window
of its own beside the main one (layout only): its contents on the left, the text on the
right, a find field at the top."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class GuideWindow(QWidget):
    def __init__(self, source: QUrl, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowTitle(self.tr("Retention Desktop Guide"))
        self.browser = QTextBrowser(self, objectName="guideBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(source)
        self.find_edit = QLineEdit(self, objectName="guideFindEdit")
        self.find_edit.setPlaceholderText(self.tr("Find in the guide"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.returnPressed.connect(self.find_next)
        find_label = QLabel(self.tr("F&ind:"), self)
        find_label.setBuddy(self.find_edit)
        self.next_button = QPushButton(self.tr("&Next"), self, objectName="guideNextButton")
        self.next_button.clicked.connect(self.find_next)
        self.found_label = QLabel(self, objectName="guideFoundLabel")
        back = QPushButton(self.tr("&Back"), self, objectName="guideBackButton")
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        back.setEnabled(False)
        contents = QPushButton(self.tr("&Contents"), self, objectName="guideContentsButton")
        contents.clicked.connect(lambda: self.browser.verticalScrollBar().setValue(0))
        bar = QHBoxLayout()
        bar.addWidget(back)
        bar.addWidget(contents)
        bar.addSpacing(12)
        bar.addWidget(find_label)
        bar.addWidget(self.find_edit, 1)
        bar.addWidget(self.next_button)
        bar.addWidget(self.found_label)
        column = QVBoxLayout(self)
        column.addLayout(bar)
        column.addWidget(self.browser, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.find_edit.setFocus)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self.resize(760, 820)

    def show_section(self, anchor: str) -> None:
        self.browser.scrollToAnchor(anchor)

    def find_next(self) -> None:
        """The next place the text is written, from the top again after the last."""
        text = self.find_edit.text().strip()
        if not text:
            self.found_label.clear()
            return
        found = self.browser.find(text)
        if not found:  # wrap around
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text)
        self.found_label.setText("" if found else self.tr("Not found"))

    def section_text(self) -> str:
        """The guide's whole text (for tests and the find field)."""
        return self.browser.document().toPlainText()
