"""Short forms that name different things in different fields ("SAM", "MAE", "ASR"), read by the
words around them.

``gazetteer/senses.jsonl`` lists each such short form with its senses: a curated entry's name and
the words that mark a doc of that field.  A bare short form takes the sense whose words the doc
holds most; with no such word it keeps the curated entry that owns it, if any.  A short form the
doc defines itself ("sharpness-aware minimization (SAM)") is left to the abbreviation rules.

>>> senses = {"SAM": (("SAM", frozenset({"segmentation", "mask"})),
...                   ("sharpness-aware minimization", frozenset({"sharpness", "minima"})))}
>>> choose_sense(senses["SAM"], {"we", "study", "sharpness", "and", "flat", "minima"})
'sharpness-aware minimization'
>>> choose_sense(senses["SAM"], {"prompted", "segmentation"}), choose_sense(senses["SAM"], {"other", "words"})
('SAM', None)
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..errors import ExtractionError

__all__ = ["load_senses", "choose_sense"]

Senses = tuple[tuple[str, frozenset[str]], ...]


@lru_cache(maxsize=8)
def load_senses(folder: Path) -> dict[str, Senses]:
    """Short form -> its senses (entry name, cue words), from ``folder/senses.jsonl``."""
    path = folder / "senses.jsonl"
    if not path.exists():
        return {}
    out: dict[str, Senses] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            out[raw["short"]] = tuple((sense["name"], frozenset(word.lower() for word in sense["cues"]))
                                      for sense in raw["senses"])
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise ExtractionError(f"{path}:{number}: bad sense entry ({err})",
                                  fix='each line needs {"short": ..., "senses": [{"name": ..., "cues": [...]}]}') from err
    return out


def choose_sense(senses: Senses, doc_words: set[str]) -> str | None:
    """The name of the sense whose cue words ``doc_words`` holds most, or None when no cue is
    there or two senses tie."""
    counts = sorted(((len(cues & doc_words), name) for name, cues in senses), reverse=True)
    best, name = counts[0]
    if best == 0 or len(counts) > 1 and counts[1][0] == best:
        return None
    return name
