"""TeX markup in titles and abstracts (arXiv metadata keeps authors' LaTeX) -> plain Unicode.

Names written with accents or font commands would otherwise become junk nodes
("T\\"ULU 3", "\\textsc{Ofa}").  Only markup is touched; ``$...$`` math is left as written.

>>> detex(r'we introduce T\\"ULU 3 and a na\\"{\\i}ve Fr\\'echet mean, 4.6\\% better')
'we introduce TÜLU 3 and a naïve Fréchet mean, 4.6% better'
>>> detex(r'One For All (\\textsc{Ofa}), {\\it Model \\(\\times\\) Noise}, 1700 {\\AA}, see \\url{https://x.org/a}')
'One For All (Ofa), Model × Noise, 1700 Å, see https://x.org/a'
>>> detex(r'methods (\\eg ResNets), \\`A-la-carte, BERT\\ba and \\textsc{Ofa)')
'methods (e.g. ResNets), À-la-carte, BERT and Ofa)'
>>> detex(r'we propose \\method{ZorbNet}, and \\ours{} wins')
'we propose ZorbNet, and  wins'
>>> detex(r'PixArt-{\\textalpha} at 256{\\texttimes}256 in $O(n \\log n)$')
'PixArt-α at 256×256 in $O(n log n)$'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["detex"]

_ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304", ".": "\u0307",
            "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b"}
_ACCENTED = re.compile(r"""\{?\\(["'`^~=.]|[cvuH](?=[{\s]))\s*\{?(\\[ij]|[A-Za-z])\}?\}?""")
_WORDS = {
    "AA": "Å", "aa": "å", "o": "ø", "O": "Ø", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł",
    "i": "ı", "times": "×", "pm": "±", "approx": "≈", "sim": "~", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
    "rightarrow": "→", "to": "→", "infty": "∞", "cdot": "·", "ldots": "…", "dots": "…",
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "theta": "θ",
    "lambda": "λ", "mu": "μ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "chi": "χ", "psi": "ψ",
    "omega": "ω", "Delta": "Δ", "Sigma": "Σ", "Omega": "Ω", "ell": "ℓ", "nabla": "∇",
    "eg": "e.g.", "ie": "i.e.", "etc": "etc.", "etal": "et al.", "vs": "vs.",
    # BibTeX exporters' text-mode symbols ("PixArt-{\textalpha}", "256{\texttimes}256")
    "textalpha": "α", "textbeta": "β", "textgamma": "γ", "textdelta": "δ", "textepsilon": "ε", "textlambda": "λ",
    "textmu": "μ", "textpi": "π", "textsigma": "σ", "texttau": "τ", "textphi": "φ", "textomega": "ω",
    "texttimes": "×", "textpm": "±", "textbackslash": "\\", "textasciitilde": "~", "textendash": "–",
    "textemdash": "—", "textquotesingle": "'", "textdegree": "°",
    "textquoteright": "\u2019", "textquoteleft": "\u2018", "textquotedblleft": "\u201c", "textquotedblright": "\u201d",
    "textless": "<", "textgreater": ">", "textasciicircum": "^", "textunderscore": "_", "textbar": "|", "textbullet": "\u2022",
}
_FONT = "textsc|textbf|textit|textrm|textsf|texttt|textup|emph|underline|mathrm|mathbf|mathit|mathsf|mathtt|mathcal|mathbb|text|operatorname|url"
_WRAPPED = re.compile(r"\\(?:" + _FONT + r")\{([^{}]*)\}")
_UNCLOSED = re.compile(r"\\(?:" + _FONT + r")\{")
_OLD_FONT = re.compile(r"\{\\(?:it|em|bf|sc|rm|tt|sf|sl)\s+([^{}]*)\}")
_ESCAPED = re.compile(r"\\([%&_#$ ])")  # "\\%", and a control space ("2\\texttimes\\ over")
# "\\cmd", "{\\cmd}" (both braces or none) and "\\cmd{}" (an empty argument): "We{\\textquoteright}re"
_COMMAND = re.compile(r"(\{)?\\([A-Za-z]+)(?![A-Za-z])(?(1)\}|(?:\{\})?)\s?")
# an author's macro around a word ("\\method{Zorb}", "\\ours{}"): the word stays, the braces go
_MACRO_ARGUMENT = re.compile(r"\\([A-Za-z]+)\{([^{}]*)\}")
_MATH_PARENS = re.compile(r"\\[()\[\]]")


_OPERATORS = frozenset({"log", "exp", "sin", "cos", "max", "min", "arg", "det"})
_WORDS.update((name, name) for name in _OPERATORS)  # math operators keep their names ("O(n \\log n)")


def _accent(match: re.Match) -> str:
    letter = match.group(2)
    base = {"\\i": "i", "\\j": "j"}.get(letter, letter)
    return unicodedata.normalize("NFC", base + _ACCENTS[match.group(1)])


def _command(match: re.Match) -> str:
    name = match.group(2)
    word = _WORDS.get(name, "")  # an unknown macro is an author's shorthand: dropped
    trailing = match.group(0)[-1] if match.group(0)[-1].isspace() else ""
    if name in _OPERATORS and match.start() and match.string[match.start() - 1].isalnum():
        word = " " + word  # "n\\log n" is "n log n"
    return word + trailing


def detex(text: str) -> str:
    if "\\" not in text:
        return text
    text = _ESCAPED.sub(r"\1", text)
    text = _ACCENTED.sub(_accent, text)
    for _ in range(2):  # one level of nesting: \\textbf{\\emph{x}}
        text = _WRAPPED.sub(r"\1", text)
        text = _OLD_FONT.sub(r"\1", text)
    text = _UNCLOSED.sub("", text)
    text = _MATH_PARENS.sub("", text)
    text = _MACRO_ARGUMENT.sub(lambda m: m.group(0) if m.group(1) in _WORDS else m.group(2), text)
    return _COMMAND.sub(_command, text)
