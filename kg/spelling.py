"""British and American spellings of one word, so that both spell one name.

Keys take the American spelling (:func:`american`); the curated lists match a form written
either way (:func:`respellings`). Only endings that make no other word are folded:

- "-our" in the words that have it (colour, tumour, behaviour, ...), not "contour" or "four";
- "-ise", "-ised", "-ising", "-iser", "-isation", ... after a stem such verbs have (four letters
  or more, not ending in a vowel, h, p, v, w or x), less the words that are no such verb
  (precise, expertise, enterprise, exercise, promise, ...): "noise", "revise", "wise", "rise",
  "raise" are too short a stem, "supervised" and "denoising" end their stems in v and o;
- "-lyse" (analyse, catalyse);
- a doubled "l" before "-ing", "-ed" or "-er" in the words that double it (modelling, labelling,
  travelling), not "storytelling" or "compelling";
- defence, offence, licence, pretence.

>>> [american(w) for w in ("tumour", "quantised", "normalisation", "modelling", "unlabelled", "analysing", "defence")]
['tumor', 'quantized', 'normalization', 'modeling', 'unlabeled', 'analyzing', 'defense']
>>> [american(w) for w in ("precise", "noise", "expertise", "revise", "wise", "rise", "enterprise", "exercise", "raise")]
['precise', 'noise', 'expertise', 'revise', 'wise', 'rise', 'enterprise', 'exercise', 'raise']
"""

from __future__ import annotations

import re

__all__ = ["american", "british", "respellings"]

# the words whose "-or" British English writes "-our", less that ending
_OUR_STEMS = ("arb ard arm behavi cand clam col demean endeav fav ferv flav glam harb hon hum lab neighb od parl "
              "rig rum sav savi splend tum val vap vig").split()
_OUR = re.compile(rf"^({'|'.join(_OUR_STEMS)})(our|or)(s|ed|ing|al|ally|ful|less|able|ably|ite|ites|hood|hoods|er|ers|ism"
                  r"|ist|ists|ise|ised|ises|ising|isation|ize|ized|izes|izing|ization)?$")
# the words that write a doubled "l" before an ending in British English only
_DOUBLING = re.compile(r"^([a-z]*(?:model|label|travel|cancel|signal|tunnel|channel|level|fuel|counsel|quarrel|jewel|marvel"
                       r"|shovel|funnel|panel|barrel|total|dial|equal|initial|marshal|pedal|rival|spiral|pixel|kernel"
                       r"|parallel|duel|libel|bevel|enamel|grovel|ravel))(l?)(ing|ings|ed|er|ers)$")
_ISE = re.compile(r"^([a-z]{4,}?)(is|iz)(e|ed|es|ing|er|ers|able|ation|ations|ational)$")
_LYSE = re.compile(r"^([a-z]{2,}l)(ys|yz)(e|ed|es|ing|er|ers)$")
_ENCE = {"defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense"}
# words ending like an "-ise" verb after a stem such verbs have, that are no such verb
_NOT_ISE_VERBS = frozenset("expertise enterprise exercise merchandise compromise paradise treatise chastise surprise "
                           "advertise comprise concise precise reprise sunrise chemise mortise circumcise premise promise "
                           "apprise surmise".split())


def american(word: str) -> str:
    """A lower-case word in American spelling: the same word where no rule applies."""
    if match := _OUR.match(word):
        return match[1] + "or" + (match[3] or "")
    if match := _DOUBLING.match(word):
        return match[1] + match[3]
    if (match := _ISE.match(word)) and match[2] == "is" and _ise_verb(match[1]):
        return match[1] + "iz" + match[3]
    if match := _LYSE.match(word):
        return match[1] + "yz" + match[3]
    plural = word.endswith("s") and word[:-1] in _ENCE
    return _ENCE[word[:-1]] + "s" if plural else _ENCE.get(word, word)


def british(word: str) -> str:
    """A lower-case word in British spelling: the word :func:`american` folds into this one.

    >>> [british(w) for w in ("tumor", "quantized", "modeling", "analyzing", "defense", "size", "error")]
    ['tumour', 'quantised', 'modelling', 'analysing', 'defence', 'size', 'error']
    """
    if match := _OUR.match(word):
        return match[1] + "our" + (match[3] or "")
    if match := _DOUBLING.match(word):
        return match[1] + "l" + match[3]
    if (match := _ISE.match(word)) and match[2] == "iz" and _ise_verb(match[1]):
        return match[1] + "is" + match[3]
    if match := _LYSE.match(word):
        return match[1] + "ys" + match[3]
    british_of = {us: gb for gb, us in _ENCE.items()}
    plural = word.endswith("s") and word[:-1] in british_of
    return british_of[word[:-1]] + "s" if plural else british_of.get(word, word)


def _ise_verb(stem: str) -> bool:
    """Whether ``stem`` + "ise" can be a verb spelled "-ize" in American English."""
    return stem[-1] not in "aeiouyhpvwx" and stem + "ise" not in _NOT_ISE_VERBS


_WORD = re.compile(r"[A-Za-z]+")


def respellings(form: str) -> set[str]:
    """``form`` with its words in American and in British spelling, where either differs from
    it (a word keeps its case: lower, capitalised or upper).

    >>> sorted(respellings("brain tumour segmentation")), sorted(respellings("Residual-Quantized VAE"))
    (['brain tumor segmentation'], ['Residual-Quantised VAE'])
    >>> respellings("noise-precise expertise")
    set()
    """
    return {spelled for spell in (american, british) if (spelled := _WORD.sub(lambda m: _in_case(m[0], spell), form)) != form}


def _in_case(word: str, spell) -> str:
    """``spell`` applied to ``word``, written back in its case; a word of mixed case ("ViTs") stays."""
    lower = word.lower()
    if word == lower:
        return spell(lower)
    if word == word.capitalize():
        return spell(lower).capitalize()
    return spell(lower).upper() if word.isupper() else word
