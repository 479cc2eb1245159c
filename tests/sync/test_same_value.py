"""The fast field comparison of sync agrees with comparing canonical JSON, for every kind of JSON value: a wrong
"same" would drop an edit (never sent) or invent a conflict."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govdesk.sync.protocol import canonical, same

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                                             max_size=3), max_leaves=8)


@given(values, values)
def test_same_agrees_with_canonical_json(a: object, b: object) -> None:
    assert same(a, b) == (canonical(a) == canonical(b))


@given(values)
def test_a_value_is_the_same_as_itself(a: object) -> None:
    assert same(a, a)


def test_look_alikes_are_not_the_same() -> None:
    assert not same(1, True) and not same(0, False) and not same(1, 1.0) and not same("1", 1)
    assert not same(None, "") and not same([1], [1.0]) and same({"a": 1, "b": 2}, {"b": 2, "a": 1})
