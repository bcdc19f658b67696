"""Plain-Python core: records, validation rules, the built-in catalog and turnover metrics.

Glossary: one word per concept in identifiers, docstrings and comments (shared/DESIGN.md,
"One name per concept"), and the schema names it maps to.

- employee: a person on the shop's books. Table `employees`.
- spell (employment spell): one continuous period of employment of one employee, from the
  hire date (`start`) to the last working day (`end`, empty while employed). Table
  `spells` (`hire_date`, `end_date`, `team`, `position`).
- exit: the record of why and how a spell ended. Table `exits` (one per ended spell,
  `spell_id`). In the metrics an exit counted in a period is a *separation*
  (shared/METRICS.md).
- exit type: voluntary or involuntary (or none given). Column `exits.exit_type`. Never
  "kind".
- exit reason: an entry of the shop's reason list. Table `exit_reasons`; an exit has one
  primary reason (`exits.primary_reason_id`) and further ones (`exit_further_reasons`).
- retention action: something planned for one employee or a whole team. Table
  `retention_actions`. Its status is planned, done or cancelled; *overdue* is a rule over
  the status and dates (domain.actions.is_overdue), not a status.
- action type: an entry of the action library. Table `action_types`, column
  `retention_actions.action_type_id`; a built-in one is known by its `code` (the demo's
  `action_type_code`). Never "kind" in code (the UI's "kind of action" is the same thing).
- risk flag: an employee marked at risk (low / medium / high). Table `risk_flags`.
- team: the team of a spell (`spells.team`) or of a team action (`retention_actions.team`);
  a person's team is the team of their latest spell.
- handover item: one step of an exit's handover. Table `handover_items`.

"kind" is kept for what has no other name: a timeline event's kind (hired, left,
action_planned, ...), a spreadsheet column's kind (text, date, money, ...) and a file's kind
(csv, xlsx, ...).
"""
