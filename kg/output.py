"""Rows -> a readable text table, JSON or CSV (the CLI's only formatting code).

>>> print(table([{"name": "GSM8K", "papers": 3}, {"name": "MATH", "papers": 12}]))
name   papers
-----  ------
GSM8K       3
MATH       12
"""

from __future__ import annotations

import csv
import io
import json

__all__ = ["CELL_WIDTH", "table", "to_json", "to_csv", "render", "cells_cut", "counted"]

CELL_WIDTH = 80


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, plural unless there is one.

    >>> counted(1, "paper"), counted(0, "duplicate"), counted(2, "file"), counted(2, "entity", "entities")
    ('1 paper', '0 duplicates', '2 files', '2 entities')
    """
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _text(value) -> str:
    return " ".join(("" if value is None else _joined(value)).split())


def _joined(value) -> str:
    """A value as one cell holds it: a list's items joined by "; ", each written as :func:`_written`."""
    return "; ".join(map(_written, value)) if isinstance(value, list) else _written(value)


def _written(value) -> str:
    """A value as a cell writes it: a map (a node or relationship `kg cypher` returns) as JSON,
    not as Python writes a dict.

    >>> _written({"name": "GSM8K", "support": 3}), _written(5), _written([2, {"k": 3}])
    ('{"name": "GSM8K", "support": 3}', '5', '[2, {"k": 3}]')
    """
    return json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, (dict, list)) else str(value)


def _cell(value, width: int | None = CELL_WIDTH) -> str:
    text = _text(value)
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


# a sentence column and the columns naming what it is evidence of: a cut cell keeps the mention in view
_MENTIONED = {"evidence": ("entity",), "sentence": ("model", "dataset")}
# columns that are the answer itself, never cut: half a route between two nodes says nothing
_WHOLE = frozenset({"route"})


def _cell_around(value, mentions, width: int | None = CELL_WIDTH) -> str:
    """``value`` cut to ``width`` characters so that the first of ``mentions`` it holds stays in
    view: a long sentence that names the entity late is shown from a little before the name.

    >>> _cell_around("We evaluate many strong systems across several suites and finally on GSM8K.", ["GSM8K"], 30)
    '…suites and finally on GSM8K.'
    >>> _cell_around("GSM8K is used by many strong systems across several suites.", ["GSM8K"], 30)
    'GSM8K is used by many strong …'
    """
    text = _text(value)
    if width is None or len(text) <= width:
        return text
    lower = text.lower()
    found = [(at, len(m)) for m in mentions if m and (at := lower.find(str(m).lower())) >= 0]
    if not found:
        return _cell(text, width)
    at, size = min(found)
    if at + size <= width - 1:
        return _cell(text, width)
    start = max(1, min(at - (width - size) // 3, len(text) - (width - 1)))
    if text[start - 1] != " " and 0 <= (space := text.find(" ", start, at)):
        start = space + 1  # from a word's start, not its middle
    window = text[start:start + width - 1]
    return "…" + window.lstrip() if start + width - 1 >= len(text) else "…" + window[:-1].strip() + "…"


def cells_cut(rows: list[dict], width: int = CELL_WIDTH) -> bool:
    """Whether a table of ``rows`` cuts a cell short (the CLI then says how to see it whole).

    >>> cells_cut([{"a": "x" * 81}]), cells_cut([{"a": "x" * 80}]), cells_cut([{"route": "x" * 81}])
    (True, False, False)
    """
    return any(len(_text(value)) > width for row in rows for column, value in row.items() if column not in _WHOLE)


def table(rows: list[dict], width: int | None = CELL_WIDTH) -> str:
    """A text table; cells longer than ``width`` characters end in "…" (``None``: never cut),
    except a route, which is the answer itself.

    >>> "…" in table([{"hops": 6, "route": "Zorb -[USES]-> " * 7}]), "…" in table([{"paper": "Zorb " * 20}])
    (False, True)
    """
    if not rows:
        return "(no rows)"
    columns = list(rows[0])
    cells = [[_cell_around(r.get(c), [r.get(m) for m in _MENTIONED[c] if isinstance(r.get(m), str)], width)
              if c in _MENTIONED else _cell(r.get(c), None if c in _WHOLE else width) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    numeric = [all(isinstance(r.get(c), (int, float)) for r in rows) for c in columns]

    def line(values):
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)]
        return "  ".join(parts).rstrip()

    return "\n".join([line(columns), line(["-" * w for w in widths])] + [line(row) for row in cells])


def to_json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2, default=str)


def to_csv(rows: list[dict]) -> str:
    """CSV with a header row; with no rows, the header alone, when the rows know their
    columns (a store's :class:`kg.store.base.Rows` does), so a script can tell "no rows" from a failure.

    >>> from kg.store.base import Rows
    >>> to_csv(Rows([], ["paper", "score"]))
    'paper,score\\r\\n'
    >>> to_csv([{"r": {"role": "used"}}])  # a relationship as JSON, not as Python writes a dict
    'r\\r\\n"{""role"": ""used""}"\\r\\n'
    """
    columns = list(rows[0]) if rows else list(getattr(rows, "columns", ()))
    if not columns:
        return ""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _joined(v) if isinstance(v, (list, dict)) else v for k, v in row.items()})
    return buffer.getvalue()


def render(rows: list[dict], fmt: str = "table") -> str:
    """``fmt``: table (cells cut at 80 characters), full (a table with whole cells), json or csv."""
    if fmt == "full":
        return table(rows, width=None)
    return {"table": table, "json": to_json, "csv": to_csv}[fmt](rows)
