"""Whatever a client sends to /reconcile, the answer is never a 5xx, and an error has our shape."""

from __future__ import annotations

import json
from typing import Any

from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROUTES = ["", "/reconcile", "/suggest/entity", "/suggest/type", "/suggest/property", "/preview", "/flyout",
          "/extend", "/extend/propose"]
PARAMS = ["queries", "query", "extend", "version", "prefix", "cursor", "limit", "type", "id", "callback"]
ERROR_KEYS = {"code", "status", "message", "errors"}

# Keys and values the parsers know, so that generated requests get past the first checks.
keys = st.sampled_from(["queries", "conditions", "matchType", "propertyId", "propertyValue", "query", "type",
                        "limit", "ids", "properties", "id", "pid", "v"]) | st.text(max_size=5)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10)
    | st.sampled_from(["country", "name", "property", "id", "person", "wang-yi", "Tokyo"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(keys, children, max_size=4),
    max_leaves=12,
)
param_values = st.one_of(st.text(max_size=30), json_values.map(json.dumps))


@given(route=st.sampled_from(ROUTES), method=st.sampled_from(["GET", "POST"]),
       params=st.dictionaries(st.sampled_from(PARAMS), param_values, max_size=3),
       body=st.one_of(st.none(), json_values), as_form=st.booleans())
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_no_request_makes_a_server_error(client: FlaskClient, route: str, method: str, params: dict[str, str],
                                         body: Any, as_form: bool) -> None:
    url = f"/reconcile{route}"
    if method == "GET":
        response = client.get(url, query_string=params)
    elif as_form or body is None:
        response = client.post(url, data=params)
    else:
        response = client.post(url, json=body)
    assert response.status_code < 500, response.get_data(as_text=True)
    if response.status_code >= 400:
        assert set(_json(response.get_data(as_text=True), params.get("callback"))) == ERROR_KEYS


def _json(text: str, callback: str | None) -> Any:
    """The JSON of a response, unwrapped from its JSONP call when the request had a callback."""
    prefix = f"/**/{callback}("
    if callback and text.startswith(prefix):
        text = text[len(prefix):-2]
    return json.loads(text)
