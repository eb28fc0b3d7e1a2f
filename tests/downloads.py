"""Reading the spreadsheets a test downloads."""

import csv
import io


def csv_rows(client, url):
    """The data rows of a CSV download as dicts by header; the Toelichting lines above the header start with
    "#", quoted where they hold the separator."""
    response = client.get(url)
    assert response.status_code == 200
    body = response.streaming_content if response.streaming else [response.content]
    text = b"".join(body).decode("utf-8-sig")
    lines = [line for line in text.splitlines() if line and not line.lstrip('"').startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
