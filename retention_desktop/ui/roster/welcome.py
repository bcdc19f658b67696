"""The welcome shown instead of the roster while the file holds nobody (layout only): three
ways in, each one click: import the Excel roster (the template beside it), try the demo
shop, add the first employee."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class Welcome(QWidget):
    import_requested = Signal()
    template_requested = Signal()
    demo_requested = Signal()
    first_employee_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        heading = QLabel(self.tr("Welcome to Retention Desktop"), self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "This file holds no one yet. Start from what you have: everything stays in "
                "this one file on this computer."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.import_button = self._button(
            self.tr("&Import my Excel roster…"), "importRosterButton", self.import_requested
        )
        self.template_button = self._button(
            self.tr("Save the import temp&late first…"), "templateButton",
            self.template_requested, flat=True,
        )  # fmt: skip
        self.demo_button = self._button(
            self.tr("Try the &demo shop"), "demoButton", self.demo_requested
        )
        self.first_button = self._button(
            self.tr("&Add my first employee…"), "firstEmployeeButton",
            self.first_employee_requested,
        )  # fmt: skip
        notes = (
            self.tr("Columns such as 姓名, 入职日期, 离职日期, 离职原因: the import shows what "
                    "it reads before anything is written."),
            self.tr("A made-up shop in a file of its own (marked “demo”), to look around "
                    "without touching this one."),
            self.tr("One by one, by hand; more can be imported later."),
        )  # fmt: skip
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addSpacing(16)
        first_row = QHBoxLayout()
        first_row.addWidget(self.import_button)
        first_row.addWidget(self.template_button)
        first_row.addStretch(1)
        for row, note in zip((first_row, self.demo_button, self.first_button), notes,
                             strict=True):  # fmt: skip
            if isinstance(row, QHBoxLayout):
                column.addLayout(row)
            else:
                column.addWidget(row, 0, Qt.AlignmentFlag.AlignLeft)
            label = QLabel(note, self)
            label.setWordWrap(True)
            label.setStyleSheet("color: #555555;")
            column.addWidget(label)
            column.addSpacing(10)
        column.addStretch(2)
        # a column of its own width in the page's middle: wrapped notes get the height
        # they need only at a width they are given
        self.setMinimumWidth(560)
        self.setMaximumWidth(720)

    def _button(self, text: str, name: str, signal, *, flat: bool = False) -> QPushButton:
        button = QPushButton(text, self, objectName=name)
        button.setFlat(flat)
        if not flat:
            button.setMinimumHeight(button.sizeHint().height() + 10)
        button.clicked.connect(lambda _checked=False: signal.emit())
        return button
