"""What every answer of the API carries (NLGov API Design Rules): API-Version, problem details for errors,
conditional GET on the catalogue's generation, CORS for GET from any origin and throttling per address."""

import pytest
from django.urls import reverse

from api.resources import RESOURCES
from catalogue.models import Status
from tests.factories import make_doelgroep, make_woonvorm

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    assert response["API-Version"] == "1.0.0"
    body = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"]
    assert body["type"].startswith("http://testserver/api/#probleem-")
    return body


def test_every_list_and_detail_answers_with_the_api_version(client):
    make_woonvorm(slug="een", doelgroepen=[make_doelgroep(slug="jongeren")])
    for resource in RESOURCES:
        response = client.get(reverse(f"api:{resource.key}-list"))
        assert response.status_code == 200, resource.key
        assert response["API-Version"] == "1.0.0"
        assert response["Content-Type"] == "application/json"
    for url in (
        "/api/v1",
        "/api/v1/",
        "/api/v1/toetsingskader",
        "/api/v1/openapi.json",
        "/api/v1/zoeken?q=wonen",
    ):
        assert client.get(url)["API-Version"] == "1.0.0", url


def test_an_unknown_filter_value_and_an_unknown_parameter_are_named_in_one_problem(client):
    body = problem(client.get("/api/v1/woonvormen?doelgroep=jongerren&doelgroepen=jongeren&sort=prijs"), 400)
    reasons = {entry["name"]: entry["reason"] for entry in body["invalidParams"]}
    assert set(reasons) == {"doelgroep", "doelgroepen", "sort"}
    assert "jongerren" in reasons["doelgroep"]
    assert "Onbekende parameter" in reasons["doelgroepen"]
    assert body["title"] == "Ongeldige invoer"


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "page=twee",
        "page=-1",
        "pageSize=0",
        "pageSize=101",
        "pageSize=1e3",
        "page=1&page=2",
        "q=" + "x" * 201,
    ],
)
def test_a_page_or_size_that_cannot_be_is_refused(client, query):
    problem(client.get(f"/api/v1/woonvormen?{query}"), 400)


def test_a_page_beyond_the_last_is_not_found_and_says_how_many_there_are(client):
    make_woonvorm()
    body = problem(client.get("/api/v1/woonvormen?page=3"), 404)
    assert "1 pagina" in body["detail"]
    assert client.get("/api/v1/woonvormen?page=1").status_code == 200


def test_an_empty_list_has_one_empty_page(client):
    body = client.get("/api/v1/woonvormen").json()
    assert (body["count"], body["pageCount"], body["results"]) == (0, 1, [])


def test_pages_link_to_each_other_and_keep_the_filters(client):
    jongeren = make_doelgroep(slug="jongeren")
    for number in range(5):
        make_woonvorm(slug=f"w{number}", naam=f"W{number}", doelgroepen=[jongeren])
    first = client.get("/api/v1/woonvormen?doelgroep=jongeren&pageSize=2").json()
    assert (first["count"], first["pageCount"], first["links"]["previous"]) == (5, 3, None)
    second = client.get(first["links"]["next"]).json()
    assert [row["slug"] for row in second["results"]] == ["w2", "w3"]
    assert "doelgroep=jongeren" in second["links"]["next"]
    assert client.get(second["links"]["last"]).json()["links"]["next"] is None


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/woonvormen/bestaat-niet",
        "/api/v1/doelgroepen/bestaat-niet",
        "/api/v1/toetspunten/t99",
        "/api/v1/fasen/bestaat-niet",
        "/api/v1/beoordelingen/bestaat-niet",
        "/api/v1/bestaat-niet",
        "/api/v1/woonvormen/een/extra",
    ],
)
def test_an_unknown_address_is_a_problem_not_a_page(client, url):
    problem(client.get(url), 404)


def test_a_trailing_slash_is_not_found_with_a_hint(client):
    body = problem(client.get("/api/v1/woonvormen/"), 404)
    assert "/api/v1/woonvormen" in body["detail"]


def test_the_api_only_reads(client):
    for method in (client.post, client.put, client.patch, client.delete):
        body = problem(method("/api/v1/woonvormen"), 405)
        assert "GET" in body["detail"]


def test_head_answers_like_get_without_a_body(client):
    response = client.head("/api/v1/woonvormen")
    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"
    assert response.content == b""


def test_a_copy_that_is_still_current_is_answered_304_without_a_query(client, django_assert_num_queries):
    make_woonvorm(slug="een")
    first = client.get("/api/v1/woonvormen/een")
    etag = first["ETag"]
    assert etag.startswith('W/"') and first["Cache-Control"] == "no-cache"
    with django_assert_num_queries(0):
        again = client.get("/api/v1/woonvormen/een", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert again["API-Version"] == "1.0.0"


def test_an_edit_changes_the_etag(client):
    woonvorm = make_woonvorm(slug="een", naam="Een")
    etag = client.get("/api/v1/woonvormen").headers["ETag"]
    woonvorm.naam = "Eén"
    woonvorm.save()
    response = client.get("/api/v1/woonvormen", headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response.json()["results"][0]["naam"] == "Eén"
    assert response["ETag"] != etag


def test_a_bad_query_is_refused_even_with_a_current_etag(client):
    etag = client.get("/api/v1/woonvormen").headers["ETag"]
    assert client.get("/api/v1/woonvormen?doelgroep=x", headers={"If-None-Match": etag}).status_code == 400


def test_any_origin_may_read_the_api(client):
    response = client.get("/api/v1/woonvormen", headers={"Origin": "https://woonloket.example.nl"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "API-Version" in response["Access-Control-Expose-Headers"]
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response


def test_a_preflight_allows_get_only(client):
    response = client.options(
        "/api/v1/woonvormen",
        headers={
            "Origin": "https://dashboard.example.nl",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert response["API-Version"] == "1.0.0"


def test_the_site_itself_gets_no_cors_headers(client):
    response = client.get("/woonvormen/", headers={"Origin": "https://elders.example.nl"})
    assert "Access-Control-Allow-Origin" not in response
    assert "API-Version" not in response


def test_too_many_requests_from_one_address_get_a_429_problem_with_retry_after(client, settings):
    settings.API_THROTTLE_RATE = "3/minute"
    for _ in range(3):
        assert client.get("/api/v1/doelgroepen").status_code == 200
    body = problem(client.get("/api/v1/doelgroepen"), 429)
    assert body["title"] == "Te veel verzoeken"
    response = client.get("/api/v1/woonvormen")
    assert 0 < int(response["Retry-After"]) <= 60
    other = client.get("/api/v1/doelgroepen", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200, "the count is per client address"


def test_behind_a_proxy_the_count_is_per_forwarded_address(client, settings):
    settings.API_THROTTLE_RATE = "1/minute"
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    assert client.get("/api/v1/doelgroepen", HTTP_X_FORWARDED_FOR="192.0.2.1", **proxy).status_code == 200
    assert client.get("/api/v1/doelgroepen", HTTP_X_FORWARDED_FOR="192.0.2.2", **proxy).status_code == 200
    assert client.get("/api/v1/doelgroepen", HTTP_X_FORWARDED_FOR="192.0.2.1", **proxy).status_code == 429


def test_concept_items_stay_out_of_the_counts_of_terms(client):
    jongeren = make_doelgroep(slug="jongeren")
    make_woonvorm(doelgroepen=[jongeren])
    make_woonvorm(doelgroepen=[jongeren], status=Status.CONCEPT)
    body = client.get("/api/v1/doelgroepen/jongeren").json()
    usage = {row["soort"]: row for row in body["gebruik"]}
    assert usage["woonvorm"]["aantal"] == 1
    assert usage["woonvorm"]["lijst"] == "http://testserver/api/v1/woonvormen?doelgroep=jongeren"
    assert usage["succesversneller"] == {"soort": "succesversneller", "aantal": 0, "lijst": None}
