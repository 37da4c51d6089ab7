"""Initials before a family name pick the person whose given names they fit."""

from __future__ import annotations

import pytest

from normalizer.match.initials import initials_fit, split_initials
from normalizer.model import Name


@pytest.mark.parametrize(("text", "split"), [
    ("D. Trump", ("D", "Trump")),
    ("V. V. Putin", ("VV", "Putin")),
    ("D.Trump", ("D", "Trump")),
    ("Đ. Trăm", ("Đ", "Trăm")),
    ("Donald Trump", None),
    ("D. ", None),
    ("3. Trump", None),
])
def test_split_initials(text, split):
    assert split_initials(text) == split


def test_initials_fit_the_given_names_in_order():
    name = Name("Vladimir Vladimirovich Putin", "en", "alias", "test", family="Putin")
    assert initials_fit(name, "V") and initials_fit(name, "VV") and initials_fit(name, "v")
    assert not initials_fit(name, "P") and not initials_fit(name, "VVV")
    assert not initials_fit(Name("Putin", "en", "alias", "test", family="Putin"), "V")  # no given name
    family_first = Name("Kishida Fumio", "ja-Latn", "alias", "test", family="Kishida")
    assert not initials_fit(family_first, "F")
    assert not initials_fit(Name("Vladimir Putin", "en", "alias", "test"), "V")  # no family recorded


@pytest.mark.parametrize(("query", "expected"), [
    ("D. Trump", "donald-trump"),
    ("V. V. Putin", "vladimir-putin"),
    ("J. Biden", "joe-biden"),
])
def test_initials_and_family_name_resolve(service, query, expected):
    result = service.resolve(query)
    assert result.match is not None and result.match.id == expected
    assert "initials" in result.match.explanation


def test_initials_that_fit_no_one_do_not_match(service):
    assert service.resolve("X. Trump").match is None
