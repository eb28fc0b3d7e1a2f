"""The OpenAPI document the API publishes, linted with the published Spectral ruleset of the NLGov REST API
Design Rules (../shared/standards/nlgov-adr-ruleset.yaml beside the checkout, or NLGOV_ADR_RULESET): zero
errors. Spectral comes from the npm registry into node_modules (`make spectral`, which `make test` runs)."""

import json
import os
import subprocess
from pathlib import Path

import pytest
from django.urls import get_resolver

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SPECTRAL = ROOT / "node_modules" / ".bin" / "spectral"
DEFAULT_RULESET = ROOT.parent / "shared" / "standards" / "nlgov-adr-ruleset.yaml"


def ruleset():
    path = Path(os.environ.get("NLGOV_ADR_RULESET") or DEFAULT_RULESET)
    if not path.is_file():
        pytest.fail(
            f"The Spectral ruleset of the NLGov API Design Rules is not at {path}. It belongs in "
            "shared/standards/ beside the checkout; set NLGOV_ADR_RULESET to use another copy."
        )
    return path


def lint(document, tmp_path):
    if not SPECTRAL.exists():
        pytest.fail(f"Spectral is not installed at {SPECTRAL}: run `make spectral` (make test does).")
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [str(SPECTRAL), "lint", "--ruleset", str(ruleset()), "--format", "json", "--quiet", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout.strip()
    assert output.startswith("["), f"Spectral did not lint the document:\n{result.stdout}\n{result.stderr}"
    return json.loads(output)


def described(findings):
    return "\n".join(f"{f['code']} at {'.'.join(map(str, f['path']))}: {f['message']}" for f in findings)


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json", headers={"Origin": "https://validator.example.nl"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*", "tools on other sites read the document too"
    return response.json()


def test_the_document_has_no_errors_by_the_nlgov_api_design_rules(document, tmp_path):
    errors = [finding for finding in lint(document, tmp_path) if finding["severity"] == 0]
    assert not errors, described(errors)


def test_the_document_has_no_warnings_either(document, tmp_path):
    warnings = [finding for finding in lint(document, tmp_path) if finding["severity"] == 1]
    assert not warnings, described(warnings)


def test_the_lint_finds_errors_in_a_document_that_breaks_the_rules(tmp_path):
    """The ruleset is really applied: a document without servers, contact or version headers fails."""
    broken = {"openapi": "3.0.3", "info": {"title": "x", "version": "1"}, "paths": {"/woonvormen/": {}}}
    codes = {finding["code"] for finding in lint(broken, tmp_path) if finding["severity"] == 0}
    assert {"info-contact", "nlgov:semver", "path-keys-no-trailing-slash", "oas3-api-servers"} <= codes


def test_the_document_names_version_contact_licence_and_the_versioned_server(document):
    assert document["openapi"].startswith("3.")
    assert document["info"]["version"] == "1.0.0"
    assert set(document["info"]["contact"]) == {"name", "email", "url"}
    assert document["info"]["license"]["name"] == "CC BY 4.0"
    assert document["servers"] == [{"url": "/api/v1", "description": "Deze server"}]


def test_every_address_of_the_api_is_in_the_document(document):
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern)

    served = {
        "/" + route.removeprefix("api/v1").lstrip("/").replace("<slug:slug>", "{slug}")
        for route in walk(get_resolver().url_patterns)
        if route.startswith("api/v1")
    }
    assert served == set(document["paths"])


def test_every_operation_describes_its_errors_as_problems(document):
    for path, operations in document["paths"].items():
        responses = operations["get"]["responses"]
        assert {"200", "304", "400", "404", "429", "500"} <= set(responses), path
        for code in ("400", "404", "429", "500"):
            assert list(responses[code]["content"]) == ["application/problem+json"], (path, code)
        assert "API-Version" in responses["200"]["headers"], path


def test_query_parameters_are_lower_camel_case_and_match_the_list_filters(document):
    names = {p["name"] for p in document["paths"]["/woonvormen"]["get"]["parameters"] if p["in"] == "query"}
    assert {"q", "doelgroep", "contractvorm", "niveau", "toetspunt", "sort", "page", "pageSize"} <= names
    assert all(name[0].islower() and "_" not in name and "-" not in name for name in names)
