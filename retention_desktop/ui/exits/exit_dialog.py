"""Recording why someone left, as the articles ask: the dates and type, the reasons, the
exit conversation (with its prompts) and the handover checklist."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from retention_desktop.domain.catalog import (
    EXIT_CONVERSATION_PROMPTS,
    EXIT_WAYS,
    HANDOVER_ITEMS,
    INVOLUNTARY,
    INVOLUNTARY_REASONS,
    REASON_CATEGORIES,
    VOLUNTARY,
    type_of_way,
)
from retention_desktop.domain.records import ExitDraft, HandoverItem, validate_exit
from retention_desktop.ui.common.messages import Messages
from retention_desktop.ui.common.widgets import (
    ID_ROLE,
    ErrorLabel,
    ReasonCombo,
    date_edit,
    dialog_buttons,
    to_date,
)
from retention_desktop.ui.exits.keep_page import KeepPage

if TYPE_CHECKING:
    from retention_desktop.store.catalog import CatalogItem
    from retention_desktop.store.errors import RecordError
    from retention_desktop.store.queries import ExitRecord, RosterRow


class ExitDialog(QDialog):
    """Records the exit of the person's open spell (no `record`) or edits an exit record.
    Accepting hands the draft to `save`, which saves it as one undoable step or returns
    the store's refusal (the dialog then stays open); cancelling changes nothing."""

    def __init__(
        self,
        *,
        person: RosterRow,
        record: ExitRecord | None,
        reasons: list[CatalogItem],
        lang: str,
        offers: list[CatalogItem] = (),
        destinations: list[CatalogItem] = (),
        today: date,
        save: Callable[[ExitDraft], RecordError | None],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.employee_id = person.employee_id
        self.exit_id = record.exit_id if record else None
        self.lang = lang
        self.today = today
        self._save = save
        self.messages = Messages(self)
        self.setObjectName("exitDialog")
        self.person_name = person.name
        self.hire_date = record.hire_date if record else person.hire_date
        draft = record.draft if record else ExitDraft(last_day=today)
        self.setWindowTitle(
            (self.tr("Exit of %1") if record else self.tr("Record exit: %1")).replace(
                "%1", person.name
            )
        )
        # Retired reasons are not offered, except those this record already uses.
        in_use = {draft.primary_reason_id, *draft.further_reason_ids}
        self.reasons: list[CatalogItem] = [r for r in reasons if not r.retired or r.id in in_use]
        self.destinations = [d for d in destinations
                             if not d.retired or d.id == draft.destination_id]  # fmt: skip
        offers = [o for o in offers if not o.retired or o.id == draft.keep_offer_id]
        self.categories = [(c.code, c.label(lang)) for c in REASON_CATEGORIES]
        self._reason_codes = {r.id: r.code for r in self.reasons}

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("exitTabs")
        self.tabs.addTab(self._exit_page(draft), self.tr("Exit"))
        self.tabs.addTab(self._conversation_page(draft), self.tr("Exit conversation"))
        self.tabs.addTab(self._handover_page(draft), self.tr("Handover"))
        self.keep_page = KeepPage(draft, offers, today, self)
        self.keep_page.outcome_changed.connect(self._outcome_changed)
        self.tabs.addTab(self.keep_page, self.tr("Keep them"))
        self._update_handover_status()

        buttons = dialog_buttons(self)
        self.ok_button = buttons.button(buttons.StandardButton.Save)
        self._ok_text = self.ok_button.text()
        self._outcome_changed(draft.stayed_on is not None)
        layout = QVBoxLayout(self)
        header = QLabel(
            self.tr("%1 · hired %2")
            .replace("%1", person.name)
            .replace("%2", self.hire_date.isoformat()),
            self,
        )
        header.setObjectName("personLabel")
        layout.addWidget(header)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(700, 600)
        self.last_day_edit.setFocus()

    # Pages
    def _exit_page(self, draft: ExitDraft) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.last_day_edit = date_edit(page, draft.last_day, "lastDayEdit")
        self.last_day_error = ErrorLabel(page, "lastDayError")
        form.addRow(self.tr("&Last working day *"), self.last_day_edit)
        form.addRow("", self.last_day_error)

        notice = QWidget(page)
        notice_row = QHBoxLayout(notice)
        notice_row.setContentsMargins(0, 0, 0, 0)
        self.notice_check = QCheckBox(self.tr("Notice given on"), notice)
        self.notice_check.setObjectName("noticeCheck")
        self.notice_edit = date_edit(notice, draft.notice_date or draft.last_day, "noticeEdit")
        self.notice_check.setChecked(draft.notice_date is not None)
        self.notice_edit.setEnabled(draft.notice_date is not None)
        self.notice_check.toggled.connect(self.notice_edit.setEnabled)
        notice_row.addWidget(self.notice_check)
        notice_row.addWidget(self.notice_edit)
        notice_row.addStretch(1)
        self.notice_error = ErrorLabel(page, "noticeError")
        form.addRow(self.tr("Notice"), notice)
        form.addRow("", self.notice_error)

        kind = QWidget(page)
        kind_row = QHBoxLayout(kind)
        kind_row.setContentsMargins(0, 0, 0, 0)
        self.type_group = QButtonGroup(self)
        self.voluntary_radio = QRadioButton(self.tr("&Voluntary (they chose to leave)"), kind)
        self.voluntary_radio.setObjectName("voluntaryRadio")
        self.involuntary_radio = QRadioButton(self.tr("&Involuntary (the shop ended it)"), kind)
        self.involuntary_radio.setObjectName("involuntaryRadio")
        for button in (self.voluntary_radio, self.involuntary_radio):
            self.type_group.addButton(button)
            kind_row.addWidget(button)
        kind_row.addStretch(1)
        if draft.exit_type == INVOLUNTARY:
            self.involuntary_radio.setChecked(True)
        elif draft.exit_type == VOLUNTARY or self.exit_id is None:
            self.voluntary_radio.setChecked(True)
        self._type_chosen = self.exit_id is not None
        self.type_group.buttonClicked.connect(lambda: setattr(self, "_type_chosen", True))
        self.way_combo = QComboBox(page)
        self.way_combo.setObjectName("wayCombo")
        self.way_combo.addItem(self.tr("— not given —"), None)
        for way in EXIT_WAYS:
            self.way_combo.addItem(way.label(self.lang), way.code)
        self.way_combo.setCurrentIndex(max(0, self.way_combo.findData(draft.way)))
        self.way_combo.currentIndexChanged.connect(self._way_changed)
        form.addRow(self.tr("Wa&y of leaving"), self.way_combo)
        form.addRow(self.tr("Type"), kind)

        self.reason_combo = ReasonCombo(page, "reasonCombo", self.tr("— not given —"))
        self.reason_combo.set_reasons(self.reasons, self.categories)
        self.reason_combo.set_current_id(draft.primary_reason_id)
        self.reason_combo.currentIndexChanged.connect(self._primary_changed)
        form.addRow(self.tr("&Primary reason"), self.reason_combo)
        self.destination_combo = QComboBox(page)
        self.destination_combo.setObjectName("destinationCombo")
        self.destination_combo.addItem(self.tr("— not given —"), None)
        for place in self.destinations:
            self.destination_combo.addItem(place.label, place.id)
        self.destination_combo.setCurrentIndex(
            max(0, self.destination_combo.findData(draft.destination_id))
        )
        form.addRow(self.tr("Where they &went"), self.destination_combo)

        self.further_list = QListWidget(page)
        self.further_list.setObjectName("furtherList")
        known = {code for code, _ in self.categories}
        last = self.categories[-1][0]
        for code, label in self.categories:
            # as in the reason combo: a reason of an unknown category goes under the last
            members = [
                r
                for r in self.reasons
                if r.category == code or (code == last and r.category not in known)
            ]
            if not members:
                continue
            header = QListWidgetItem(label, self.further_list)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            for reason in members:
                item = QListWidgetItem(reason.label, self.further_list)
                item.setData(ID_ROLE, reason.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                checked = reason.id in draft.further_reason_ids
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.further_list.setMinimumHeight(150)
        self.further_error = ErrorLabel(page, "furtherError")
        form.addRow(self.tr("&Further reasons"), self.further_list)
        form.addRow("", self.further_error)

        self.regrettable_check = QCheckBox(self.tr("Regrettable loss (we wanted to keep them)"))
        self.regrettable_check.setObjectName("regrettableCheck")
        self.regrettable_check.setChecked(draft.regrettable)
        form.addRow("", self.regrettable_check)
        self.rehire_combo = QComboBox(page)
        self.rehire_combo.setObjectName("rehireCombo")
        self.rehire_combo.addItem(self.tr("Not decided"), None)
        self.rehire_combo.addItem(self.tr("Yes"), True)
        self.rehire_combo.addItem(self.tr("No"), False)
        self.rehire_combo.setCurrentIndex(self.rehire_combo.findData(draft.eligible_for_rehire))
        form.addRow(self.tr("Eligible for &rehire"), self.rehire_combo)
        return page

    def _conversation_page(self, draft: ExitDraft) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        hint = QLabel(
            self.tr(
                "Ask what made them leave and what would have kept them. Double-click a "
                "question to add it to the notes."
            ),
            page,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        self.prompt_list = QListWidget(splitter)
        self.prompt_list.setObjectName("promptList")
        for prompt in EXIT_CONVERSATION_PROMPTS:
            QListWidgetItem(prompt.label(self.lang), self.prompt_list)
        self.prompt_list.itemActivated.connect(self._insert_prompt)
        self.notes_edit = QPlainTextEdit(splitter)
        self.notes_edit.setObjectName("conversationEdit")
        self.notes_edit.setPlainText(draft.conversation_notes)
        self.notes_edit.setPlaceholderText(self.tr("What they said, in their words."))
        splitter.setSizes([180, 320])
        layout.addWidget(splitter, 1)
        insert = QPushButton(self.tr("&Add question to notes"), page)
        insert.setObjectName("insertPromptButton")
        insert.clicked.connect(lambda: self._insert_prompt(self.prompt_list.currentItem()))
        layout.addWidget(insert, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _insert_prompt(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        text = self.notes_edit.toPlainText()
        separator = (
            "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
        )
        self.notes_edit.setPlainText(f"{text}{separator}{item.text()}\n")
        cursor = self.notes_edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.notes_edit.setTextCursor(cursor)
        self.notes_edit.setFocus()

    def _handover_page(self, draft: ExitDraft) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Before the last day: open customer complaints handed over, access "
                "revoked, equipment back, pay settled, knowledge passed on."
            ),
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        existing = {item.code: item for item in draft.handover if item.code}
        self._extra_items = [item for item in draft.handover if not item.code]
        self.handover_checks: dict[str, QCheckBox] = {}
        self.handover_notes: dict[str, QLineEdit] = {}
        self._done_dates: dict[str, date | None] = {}
        lang = self.lang
        for row, entry in enumerate(HANDOVER_ITEMS):
            item = existing.get(entry.code)
            check = QCheckBox(entry.label(lang), page)
            check.setObjectName(f"handover_{entry.code}")
            check.setChecked(bool(item and item.done))
            check.toggled.connect(self._update_handover_status)
            note = QLineEdit(page)
            note.setObjectName(f"handoverNote_{entry.code}")
            note.setText(item.note if item else "")
            note.setPlaceholderText(
                self.tr("to whom / remarks")
                if entry.code in ("complaints", "knowledge")
                else self.tr("remarks")
            )
            grid.addWidget(check, row, 0)
            grid.addWidget(note, row, 1)
            self.handover_checks[entry.code] = check
            self.handover_notes[entry.code] = note
            self._done_dates[entry.code] = item.done_date if item else None
        layout.addLayout(grid)
        self.handover_status = QLabel(page)
        self.handover_status.setObjectName("handoverStatus")
        layout.addWidget(self.handover_status)
        layout.addStretch(1)
        return page

    # Behaviour
    def _way_changed(self) -> None:
        """A way of leaving says the exit type, unless the owner chose the type."""
        kind = type_of_way(self.way_combo.currentData())
        if not self._type_chosen and kind is not None:
            (self.involuntary_radio if kind == INVOLUNTARY else self.voluntary_radio).setChecked(
                True
            )

    def show_stayed(self) -> None:
        """Open at Keep them with "They stayed" chosen (Employee > Withdraw notice)."""
        self.tabs.setCurrentWidget(self.keep_page)
        self.keep_page.stayed_radio.setChecked(True)
        self.keep_page.stayed_edit.setFocus()

    def _outcome_changed(self, stayed: bool) -> None:
        self.ok_button.setText(self.tr("With&draw notice") if stayed else self._ok_text)

    def _primary_changed(self) -> None:
        reason_id = self.reason_combo.current_id()
        way_says = type_of_way(self.way_combo.currentData()) is not None
        if not self._type_chosen and not way_says and reason_id is not None:
            involuntary = self._reason_codes.get(reason_id) in INVOLUNTARY_REASONS
            (self.involuntary_radio if involuntary else self.voluntary_radio).setChecked(True)
        self.further_error.show_error("")

    def _update_handover_status(self) -> None:
        done = sum(check.isChecked() for check in self.handover_checks.values())
        total = len(self.handover_checks)
        if done == total:
            self.handover_status.setText(self.tr("Handover complete."))
        else:
            self.handover_status.setText(
                self.tr("Handover unfinished: %1 of %2 done.")
                .replace("%1", str(done))
                .replace("%2", str(total))
            )

    def draft(self) -> ExitDraft:
        checked = self.type_group.checkedButton()
        exit_type = {self.voluntary_radio: VOLUNTARY, self.involuntary_radio: INVOLUNTARY}.get(
            checked
        )
        further = []
        for i in range(self.further_list.count()):
            item = self.further_list.item(i)
            if item.data(ID_ROLE) is not None and item.checkState() == Qt.CheckState.Checked:
                further.append(item.data(ID_ROLE))
        last_day = to_date(self.last_day_edit.date())
        handover = []
        for entry in HANDOVER_ITEMS:
            done = self.handover_checks[entry.code].isChecked()
            done_date = (self._done_dates[entry.code] or self.today) if done else None
            handover.append(
                HandoverItem(
                    entry.code,
                    "",
                    done,
                    self.handover_notes[entry.code].text().strip(),
                    done_date,
                )
            )
        return ExitDraft(
            last_day=last_day,
            exit_type=exit_type,
            primary_reason_id=self.reason_combo.current_id(),
            further_reason_ids=further,
            notice_date=to_date(self.notice_edit.date()) if self.notice_check.isChecked() else None,
            regrettable=self.regrettable_check.isChecked(),
            eligible_for_rehire=self.rehire_combo.currentData(),
            conversation_notes=self.notes_edit.toPlainText().rstrip(),
            handover=handover + self._extra_items,
            way=self.way_combo.currentData(),
            destination_id=self.destination_combo.currentData(),
            **self.keep_page.keep_fields(),
        )

    def _error_label(self, field: str | None) -> ErrorLabel:
        return {
            "notice_date": self.notice_error,
            "further_reasons": self.further_error,
            "stayed_on": self.keep_page.stayed_error,
            "exit": self.keep_page.stayed_error,
        }.get(field or "", self.last_day_error)

    def _show_problem(self, label: ErrorLabel, text: str) -> None:
        label.show_error(text)
        self.tabs.setCurrentIndex(3 if label is self.keep_page.stayed_error else 0)

    def accept(self) -> None:
        labels = (self.last_day_error, self.notice_error, self.further_error,
                  self.keep_page.stayed_error)  # fmt: skip
        for label in labels:
            label.show_error("")
        draft = self.draft()
        problems = validate_exit(draft, self.hire_date, self.today)
        for problem in reversed(problems):  # the tab of the first one is shown
            self._show_problem(
                self._error_label(problem.field),
                self.messages.text(problem.field, problem.code, self.hire_date.isoformat()),
            )
        if problems:
            return
        error = self._save(draft)
        if error is not None:
            self._show_problem(self._error_label(error.field), self.messages.for_error(error))
            return
        super().accept()
