"""Role references on a date and institutions read against a country (normalizer.match.references).

`expected` is the entity id, `unmatched` or `ambiguous`; `date` and `country` are resolve's
parameters (empty: today, none).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from normalizer.service import InvalidQuery

ROWS = list(csv.DictReader(Path(__file__).with_name("roles.csv").open(encoding="utf-8", newline="")))


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['query']}@{r['date']}/{r['country']}" for r in ROWS])
def test_role_reference(service, row):
    result = service.resolve(row["query"], date=row["date"] or None, country=row["country"] or None)
    got = result.match.id if result.match else result.status
    assert got == row["expected"], f"{row['note']}: {result.to_dict()}"
    if result.match and result.match.method == "role":
        assert row["date"] in result.match.explanation or "today" in result.match.explanation



def test_unmatched_role_says_why(service):
    result = service.resolve("Tổng Bí thư", date="2024-07-25", country="vietnam")
    assert result.status == "unmatched"
    assert result.note and "2024-07-19" in result.note and "2024-08-03" in result.note
    assert "given" in result.note


def test_explanations_name_the_role_its_dates_and_where_the_country_came_from(service):
    found = service.resolve("Quốc hội").match
    assert found and "Vietnam" in found.explanation and "default" in found.explanation
    role = service.resolve("Thủ tướng", date="2024-06-01", country="south-korea").match
    assert role and role.method == "role" and "2024-06-01" in role.explanation and "given" in role.explanation


def test_without_a_date_it_is_today(service):
    today = service.resolve("Tổng thống Mỹ").match
    assert today and "today" in today.explanation


@pytest.mark.parametrize(("date", "country", "field"), [
    ("2024-13-01", None, "date"), ("yesterday", None, "date"),
    (None, "Atlantis", "country"), (None, " ", "country")])
def test_a_bad_date_or_country_is_refused(service, date, country, field):
    with pytest.raises(InvalidQuery) as caught:
        service.resolve("Thủ tướng", date=date, country=country)
    assert caught.value.field == field
