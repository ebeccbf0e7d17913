"""Cypher parameter text for FalkorDB's ``CYPHER name=value ...`` query header.

:func:`param_text` writes exactly what ``falkordb.helpers.stringify_param_value`` writes
(tests/test_store_params.py compares the two), with fewer calls per value: it dispatches
on the exact type and quotes the strings and numbers of a list or map inline, where the
client's function recurses into every leaf through a chain of ``isinstance`` tests.  Any
type it does not know (bool, bytes, a subclass of str or dict, ...) and any map key that
is not a plain non-empty identifier-safe string go to the client's own function, so the
text (and the ValueError for a key FalkorDB cannot take) can only ever be the same.

>>> param_text([{"key": 'say "hi"', "n": 3, "x": None, "f": 0.5, "l": ["a\\\\b"], "ok": True}])
'[{`key`:"say \\\\"hi\\\\"",`n`:3,`x`:null,`f`:0.5,`l`:["a\\\\\\\\b"],`ok`:True}]'
"""

from __future__ import annotations

from falkordb.helpers import stringify_param_value

__all__ = ["param_text"]


def _quote(text: str) -> str:
    if '"' in text or "\\" in text:
        text = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text + '"'


def _key(key) -> str:
    """``\\`key\\`:``; the client's own code for anything unusual (it raises for "" and backticks)."""
    if type(key) is not str or not key or "`" in key:
        return stringify_param_value({key: None})[1:-len("null}")]
    return "`" + key + "`:"


def param_text(value) -> str:
    """``value`` as FalkorDB parameter text, identical to ``stringify_param_value(value)``."""
    kind = type(value)
    if kind is str:
        return _quote(value)
    if kind is dict:
        parts = []
        for key, item in value.items():
            key = _key(key)
            kind = type(item)
            if kind is str:
                if '"' in item or "\\" in item:
                    item = item.replace("\\", "\\\\").replace('"', '\\"')
                parts.append(key + '"' + item + '"')
            elif kind is int or kind is float:
                parts.append(key + str(item))
            else:
                parts.append(key + param_text(item))
        return "{" + ",".join(parts) + "}"
    if kind is list or kind is tuple:
        parts = []
        for item in value:
            if type(item) is str:
                if '"' in item or "\\" in item:
                    item = item.replace("\\", "\\\\").replace('"', '\\"')
                parts.append('"' + item + '"')
            else:
                parts.append(param_text(item))
        return "[" + ",".join(parts) + "]"
    if kind is int or kind is float:
        return str(value)
    if value is None:
        return "null"
    return stringify_param_value(value)
