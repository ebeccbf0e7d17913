"""Cypher query templates in ``queries/*.cypher``: loaded, validated, bound, run.

A template starts with a comment header::

    // name: papers_sharing_dataset
    // description: Papers that share a dataset with the given paper, most shared first.
    // param: paper string  Title (or a fragment of it) or id of the paper
    // param: limit int = 20  How many rows to return

Types: ``string``, ``name`` (a string that also binds ``$NAME_key``, the matching key
normalisation gives it, so "GSM-8K" finds the node GSM8K and "Moller-QA" Møller-QA), ``int`` (``int>=1`` sets a minimum), ``float``, ``bool``, a choice
such as ``any|dataset|model`` (case-insensitive), and ``words``: free text for a full-text
index, kept as words that each store writes in its own syntax (:mod:`kg.fulltext`), so
that none reads it as query syntax ("GPT-4" is not GPT without 4).  Every ``$name`` in the body must be declared and every
declared parameter used; values are always passed as Cypher parameters, never formatted
into the text.  A ``string`` or ``name`` whose ``$NAME_plain`` the body uses gets it bound too: the text
in lower case with its letters plain, as a store's ``plain_title`` holds each title, so "Lukasz-Net"
finds the title "Łukasz-Net: ...".  A column that holds an entity's name has the entity's key
beside it, named after it (``entity`` and ``entity_key``): two papers may each coin a name, and
only the key tells their nodes apart.

>>> t = parse_template("x.cypher", "// name: t\\n// description: d\\n// param: n int>=1 = 5  how many\\nRETURN $n AS n")
>>> t.bind({"n": "7"}), t.bind({})
({'n': 7}, {'n': 5})
>>> parse_template("y.cypher", "// name: y\\n// description: d\\n// param: name name  an entity\\nRETURN $name_key AS k").bind({"name": "GSM-8k"})
{'name': 'GSM-8k', 'name_key': 'gsm8k'}
>>> parse_template("z.cypher", "// name: z\\n// description: d\\n// param: paper string  a title\\nRETURN $paper_plain AS t").bind({"paper": "Łukasz"})
{'paper': 'Łukasz', 'paper_plain': 'lukasz'}
>>> Param("q", "words", "").convert("GPT-4 (fine-tuning)").terms
(('gpt', '4'), ('fine', 'tuning'))
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import QueryError, StoreError, StoreUnavailable
from .fulltext import FullTextQuery
from .ingest.identity import canonical_id
from .normalise import name_key, plain_lower

__all__ = ["Param", "Template", "QUERIES_DIR", "param_fix", "parse_template", "load_templates", "get_template", "run_template",
           "run_cypher", "missing_params", "READ_ONLY_MESSAGE"]

QUERIES_DIR = Path(os.environ.get("KG_QUERIES", Path(__file__).resolve().parent.parent / "queries"))
_PARAM = re.compile(r"^//\s*param:\s*(\w+)\s+(string|name|int(?:>=-?\d+)?|float|bool|words|[\w-]+(?:\|[\w-]+)+)(?:\s*=\s*(\S+))?\s*(.*)$")
_HEADER = re.compile(r"^//\s*(name|description):\s*(.*)$")
_USED = re.compile(r"\$(\w+)")
_TYPES = {"string": str, "name": str, "int": int, "float": float, "bool": lambda v: str(v).lower() in ("1", "true", "yes")}
KEY_SUFFIX = "_key"  # a ``name`` parameter also binds NAME_key, its matching key
PLAIN_SUFFIX = "_plain"  # a ``string`` or ``name`` parameter may bind NAME_plain, its text as lookups by title compare it


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    description: str
    default: str | None = None

    def convert(self, value):
        if self.default == "any" and str(value).strip().lower() == "any":
            return "any"  # "Any" and "ANY" mean what the template's 'any' means
        if self.type == "words":
            return self._words(str(value))
        if "|" in self.type:
            choices, value = self.type.split("|"), str(value).lower() or (self.default or "")  # "" is the default
            if value not in choices and value[-1:] == "s" and value[:-1] in choices:
                value = value[:-1]  # "datasets" names the choice "dataset"
            if value not in choices:
                meant = (difflib.get_close_matches(value, choices, n=1, cutoff=0.6) or choices)[0]  # "dataste": dataset
                raise QueryError(f"parameter {self.name!r} must be one of {', '.join(choices)}, got {value!r}",
                                 **param_fix(self.name, repr(meant), meant))
            return value
        kind, _, minimum = self.type.partition(">=")
        if isinstance(value, str) and kind not in ("string", "name"):
            try:
                value = _TYPES[kind](value)
            except ValueError as err:
                raise QueryError(f"parameter {self.name!r} must be {self.shown_type}, got {value!r}",
                                 **param_fix(self.name, f"<{self.shown_type}>")) from err
        if kind == "int" and (isinstance(value, bool) or not isinstance(value, int)):
            if not (isinstance(value, float) and value.is_integer()):
                raise QueryError(f"parameter {self.name!r} must be {self.shown_type}, got {value!r}",
                                 **param_fix(self.name, f"<{self.shown_type}>"))
            value = int(value)  # 5.0 from a computation is 5
        if kind == "float" and (isinstance(value, bool) or not isinstance(value, (int, float)) or value != value):
            raise QueryError(f"parameter {self.name!r} must be a number, got {value!r}", **param_fix(self.name, "<number>"))
        if kind in ("name", "string") and not isinstance(value, str):
            value = str(value)  # kg.query(..., {"name": 5}) from Python
        if kind in ("name", "string"):
            value = " ".join(value.split())  # "MobileVLM " is MobileVLM, as `kg viz --around` reads it
        if minimum and value < int(minimum):
            raise QueryError(f"parameter {self.name!r} must be at least {minimum}, got {value}", **param_fix(self.name, minimum))
        return value

    @property
    def shown_type(self) -> str:
        """The type as `kg query --list` writes it: int >= 1, any|dataset|..."""
        return self.type.replace(">=", " >= ")

    def _words(self, text: str) -> FullTextQuery:
        query = FullTextQuery.parse(text)
        if query is None:
            raise QueryError(f"parameter {self.name!r} has no words to search for: {text!r}",
                             **param_fix(self.name, "'instruction tuning'", '"instruction tuning"'))
        return query


@dataclass(frozen=True)
class Template:
    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str
    path: str

    def bind(self, values: dict) -> dict:
        """Typed parameters; unknown or missing ones raise QueryError with the fix."""
        declared = {p.name: p for p in self.params}
        if not isinstance(values, Mapping):
            first = next(iter(declared), "name")
            raise QueryError(f"parameters of {self.name!r} must be a dict of name to value, got a {type(values).__name__}",
                             fix=f"pass params={{{first!r}: VALUE}}", cli_fix=f"write --param {first}=VALUE")
        unknown = sorted(set(values) - set(declared))
        if unknown:
            meant = [close[0] for name in unknown if (close := difflib.get_close_matches(name, declared, n=1, cutoff=0.6))]
            known = (f"did you mean {', '.join(meant)}? " if meant else "") + f"its parameters are: {', '.join(declared) or 'none'}"
            raise QueryError(f"template {self.name!r} has no parameter {', '.join(unknown)}",
                             fix=f"{known} (kg.queries.get_template({self.name!r}).params describes each)", cli_fix=f"{known} (see `kg query --list`)")
        out = {}
        for p in self.params:
            if p.name in values:
                if values[p.name] is None:
                    raise QueryError(f"parameter {p.name!r} of {self.name!r} is None ({p.description})",
                                     fix=f"pass params={{{p.name!r}: VALUE}}" + (" or leave it out" if p.default is not None else ""))
                if p.default is None and not str(values[p.name]).strip():
                    raise QueryError(f"template {self.name!r} needs a value for {p.name!r}, got an empty one ({p.description})",
                                     fix=f"pass params={{{p.name!r}: VALUE}}", cli_fix=f"write --param {p.name}=VALUE")
                out[p.name] = p.convert(values[p.name])
                if isinstance(out[p.name], str):
                    # "2403.09876v2" and arXiv's DOI find the paper stored as 2403.09876, a DOI in any case the paper of that DOI
                    out[p.name] = canonical_id(out[p.name])
            elif p.default is not None:
                out[p.name] = p.convert(p.default)
            else:
                raise QueryError(f"template {self.name!r} needs parameter {p.name!r} ({p.description})",
                                 fix=f"pass params={{{p.name!r}: VALUE}}", cli_fix=f"add --param {p.name}=VALUE")
            if p.type == "name":
                out[p.name + KEY_SUFFIX] = name_key(str(out[p.name]))
            if p.name + PLAIN_SUFFIX in self.used:
                out[p.name + PLAIN_SUFFIX] = plain_lower(str(out[p.name]))
        return out

    @property
    def used(self) -> set[str]:
        """The ``$names`` the body uses."""
        return set(_USED.findall(self.cypher))


def param_fix(name: str, value: str, cli_value: str | None = None) -> dict[str, str]:
    """A parameter's fix in the words of the Python API (a ``params`` entry) and of the command
    line (``--param``), as :class:`kg.errors.QueryError`'s ``fix`` and ``cli_fix``.

    >>> param_fix("type", "'dataset'", "dataset")
    {'fix': "pass params={'type': 'dataset'}", 'cli_fix': '--param type=dataset'}
    """
    return {"fix": f"pass params={{{name!r}: {value}}}", "cli_fix": f"--param {name}={value if cli_value is None else cli_value}"}


def parse_template(path: str, text: str) -> Template:
    meta, params, body = {}, [], []
    for line in text.splitlines():
        stripped = line.strip()
        param = _PARAM.match(stripped)
        header = _HEADER.match(stripped)
        if param:
            params.append(Param(param.group(1), param.group(2), param.group(4).strip(), param.group(3)))
        elif header:
            meta[header.group(1)] = header.group(2).strip()
        elif not stripped.startswith("//"):
            body.append(line)
    cypher = "\n".join(body).strip()
    name = meta.get("name") or Path(path).stem
    if not meta.get("description"):
        raise QueryError(f"{path}: template has no '// description:' line", fix="describe what the query answers in its header")
    if not cypher:
        raise QueryError(f"{path}: template has no Cypher body", fix="write the query below the header")
    for p in params:
        if p.default is not None:
            try:
                p.convert(p.default)
            except QueryError as err:
                raise QueryError(f"{path}: the default of {p.name!r} does not fit its type: {err.message}", fix="fix the '// param:' line") from err
    used = set(_USED.findall(cypher))
    declared = {p.name for p in params}
    derived = {p.name + KEY_SUFFIX: p.name for p in params if p.type == "name"}
    derived.update({p.name + PLAIN_SUFFIX: p.name for p in params if p.type in ("string", "name")})
    if used - declared - set(derived):
        raise QueryError(f"{path}: uses undeclared parameter(s) {sorted(used - declared - set(derived))}", fix="add '// param: NAME TYPE description' lines")
    unused = declared - used - {derived[k] for k in used & set(derived)}
    if unused:
        raise QueryError(f"{path}: declares unused parameter(s) {sorted(unused)}", fix="remove them or use them in the body")
    return Template(name, meta["description"], tuple(params), cypher, path)


def load_templates(folder: str | Path | None = None) -> dict[str, Template]:
    base = Path(folder) if folder else QUERIES_DIR
    if not base.is_dir():
        raise QueryError(f"no query folder at {base}", fix="set KG_QUERIES to the folder holding the .cypher templates")
    templates = {}
    for path in sorted(base.glob("*.cypher")):
        template = parse_template(str(path), path.read_text(encoding="utf-8"))
        templates[template.name] = template
    return templates


def default_limit_reached(template: Template, given: dict, rows: list) -> int | None:
    """The default row limit, when ``rows`` filled it and the caller set none: there may be more."""
    limit = next((p for p in template.params if p.name == "limit" and p.description.startswith("Maximum number of rows")), None)
    if limit is None or "limit" in given or limit.default is None or len(rows) < int(limit.default):
        return None
    return int(limit.default)


def get_template(name: str, folder: str | Path | None = None) -> Template:
    templates = load_templates(folder)
    if not isinstance(name, str):
        raise QueryError(f"a template name is text, got a {type(name).__name__}",
                         fix=f"pass one of {', '.join(sorted(templates))} (kg.templates() describes them)")
    if name not in templates:
        close = [n for n in templates if name.lower() in n or n in name.lower()]
        close += [n for n in difflib.get_close_matches(name.lower(), list(templates), n=3, cutoff=0.6) if n not in close]
        fix = f"did you mean {', '.join(close)}?" if close else f"try {', '.join(sorted(templates))}"
        raise QueryError(f"no query template named {name!r}", fix=fix + " (kg.templates() describes them all)",
                         cli_fix=fix + " (`kg query --list` shows them all)")
    return templates[name]


def run_template(store, name: str, params: dict | None = None, folder: str | Path | None = None) -> list[dict]:
    """Rows of a named template run read-only on ``store``."""
    template = get_template(name, folder)
    return store.read(template.cypher, template.bind(params or {}))


# Your own Cypher, run read-only (``kg.cypher`` and `kg cypher`).
READ_ONLY_MESSAGE = "queries run read-only"
# What each store says when a read-mode query tries to write.
_WRITE_REFUSED = ("ro_query", "read-only", "read only", "read access mode", "accessmode")
# String literals, comments and backquoted names can contain "$", which is not a parameter there.
_NOT_CODE = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)


def missing_params(cypher: str, params: dict) -> set[str]:
    """``$names`` the query uses (outside strings and comments) that ``params`` lacks."""
    return set(_USED.findall(_NOT_CODE.sub(" ", cypher))) - set(params)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


_FALKOR_SYNTAX = re.compile(r"^errMsg: (?P<msg>.*?) line: (?P<line>\d+), column: (?P<column>\d+), offset: \d+ "
                            r"errCtx: (?P<context>.*?) errCtxOffset: (?P<offset>\d+)$")


def _readable_syntax_error(detail: str) -> str:
    """FalkorDB's syntax error in the words of a person: where, what, and the text from there.

    >>> _readable_syntax_error("errMsg: Invalid input 'T': expected LIMIT line: 1, column: 23, offset: 22 "
    ...                        "errCtx: MATCH (p) RETURN p LIMT 3 errCtxOffset: 22")
    "at line 1, column 23 (in 'LIMT 3'): Invalid input 'T': expected LIMIT"
    >>> _readable_syntax_error("Type mismatch: expected Integer")
    'Type mismatch: expected Integer'
    """
    found = _FALKOR_SYNTAX.match(detail)
    if not found:
        return detail
    context = found["context"]  # a window of the query; its offset counts UTF-8 bytes
    start = len(context.encode()[:int(found["offset"])].decode(errors="ignore"))
    while 0 < start <= len(context) and context[start - 1].isalnum():  # from the start of the word it stopped in
        start -= 1
    near = context[start:start + 30].strip()
    return f"at line {found['line']}, column {found['column']}" + (f" (in {near!r})" if near else "") + f": {found['msg']}"


def run_cypher(store, cypher: str, params: dict | None = None) -> list[dict]:
    """Rows of ``cypher`` run read-only on ``store``; a write raises QueryError.

    >>> import tempfile
    >>> from kg.store import EmbeddedStore
    >>> store = EmbeddedStore(tempfile.mkdtemp())
    >>> run_cypher(store, "RETURN $x + 1 AS y", {"x": 1})
    [{'y': 2}]
    >>> run_cypher(store, "CREATE (:Paper {key: 'p'})")
    Traceback (most recent call last):
    kg.errors.QueryError: queries run read-only: the query writes to the graph (fix: use MATCH ... RETURN; change the graph with kg.build() or kg.load_extracted())
    >>> store.close()
    """
    if not isinstance(cypher, str):
        raise QueryError(f"a Cypher query is text, got a {type(cypher).__name__}",
                         fix='pass a query, e.g. "MATCH (p:Paper) RETURN p.title LIMIT 5"')
    if params is not None and not isinstance(params, Mapping):
        raise QueryError(f"query parameters must be a dict of name to value, got a {type(params).__name__}",
                         fix="pass params={'name': VALUE} for each $name the query uses")
    params = dict(params or {})
    if not cypher.strip():
        raise QueryError("empty Cypher query", fix='pass a query, e.g. "MATCH (p:Paper) RETURN p.title LIMIT 5"',
                         cli_fix='pass a query, e.g. kg cypher "MATCH (p:Paper) RETURN p.title LIMIT 5"')
    missing = missing_params(cypher, params)
    if missing:
        names = sorted(missing)
        raise QueryError(
            f"the query uses {', '.join('$' + n for n in names)} but no value was given",
            fix="pass params={" + ", ".join(f"{n!r}: VALUE" for n in names) + "}",
            cli_fix=" ".join(f"--param {n}=VALUE" for n in names),
        )
    try:
        return store.read(cypher, params)
    except StoreUnavailable:
        raise
    except StoreError as err:
        detail = _one_line(err.message).removeprefix("query failed: ")
        if any(marker in detail.lower() for marker in _WRITE_REFUSED):
            raise QueryError(f"{READ_ONLY_MESSAGE}: the query writes to the graph",
                             fix="use MATCH ... RETURN; change the graph with kg.build() or kg.load_extracted()",
                             cli_fix="use MATCH ... RETURN; change the graph with `kg build`") from err
        raise QueryError(f"Cypher failed: {_readable_syntax_error(detail)}", fix="check the query; the templates in queries/ are working examples",
                         cli_fix="check the query; `kg query --list` shows working examples") from err
