"""kg.store.params.param_text must write exactly the text of the FalkorDB client's own
stringify_param_value (the embedded store sends it in place of that function)."""

from __future__ import annotations

import random
from collections import OrderedDict

import pytest
from falkordb.helpers import stringify_param_value

from kg.store.base import _graph_batches
from kg.store.params import param_text
from sample_graphs import corpus_a, corpus_b, graph_of, synthetic_items
from test_store_embedded import TRICKY_STRINGS


class Text(str):
    pass


class Number(int):
    def __str__(self) -> str:
        return "seven"


ODD_VALUES = [
    *TRICKY_STRINGS, None, 0, -2, 10**30, 1.5, -0.0, 1e-7, 1e300, float("inf"), float("nan"), True, False,
    b"bytes \"q\"", Text('sub "class"'), Number(7), [], (), {}, ["a", ("b", 1)], OrderedDict(a=1, b="x"),
    {"k": [None, {"nested": ["\\", '"']}]}, {1: "int key"}, {b"bytes key": 1}, {Text("subkey"): 2},
    {"with space": 1, "hyphen-ated": 2, "@type": 3, "ünïcode": 4}, [1.5, True, None, b"x", Text("y")],
]


@pytest.mark.parametrize("value", ODD_VALUES, ids=range(len(ODD_VALUES)))
def test_odd_values_give_the_clients_text(value):
    assert param_text(value) == stringify_param_value(value)
    assert param_text([value, {"v": value}]) == stringify_param_value([value, {"v": value}])


@pytest.mark.parametrize("key", ["", "back`tick"])
def test_keys_falkordb_cannot_take_fail_as_in_the_client(key):
    with pytest.raises(ValueError) as ours:
        param_text([{key: 1}])
    with pytest.raises(ValueError) as theirs:
        stringify_param_value([{key: 1}])
    assert str(ours.value) == str(theirs.value)


def test_random_nested_values_give_the_clients_text():
    rng = random.Random(7)
    atoms = [*TRICKY_STRINGS, None, 3, -1, 2.25, True, b"b", Text("t")]

    def value(depth: int):
        roll = rng.random()
        if depth > 3 or roll < 0.5:
            return rng.choice(atoms)
        items = [value(depth + 1) for _ in range(rng.randrange(4))]
        if roll < 0.7:
            return items
        if roll < 0.8:
            return tuple(items)
        return {rng.choice(["key", "props", "a b", "x-y", "ü", 5]): item for item in items}

    for _ in range(2000):
        v = value(0)
        assert param_text(v) == stringify_param_value(v)


def test_loader_batches_give_the_clients_text():
    for items in (corpus_a(), corpus_b(), synthetic_items(300)):
        for _, rows in _graph_batches(graph_of(items), 50):
            assert param_text(rows) == stringify_param_value(rows)
