"""axe-core accessibility checks for browser tests (axe-core 4.14.1, MPL-2.0, vendored in vendor/)."""

from pathlib import Path

import pytest

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
NODES_SHOWN = 5


def axe_violations(page):
    """Runs axe on the page for WCAG 2.1 A and AA; returns its violations.

    The script is evaluated through the browser's debugging protocol, so the site's Content Security Policy
    (no inline scripts) does not block it, and the page itself stays as the visitor gets it.
    """
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})""",
        WCAG_21_AA,
    )
    return result["violations"]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>"
        )
        for node in violation["nodes"][:NODES_SHOWN]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.extend(f"      {line}" for line in node["failureSummary"].splitlines())
        if len(violation["nodes"]) > NODES_SHOWN:
            lines.append(f"    … and {len(violation['nodes']) - NODES_SHOWN} more")
    return "\n".join(lines)


def assert_no_axe_violations(page):
    """Fails with a readable list of every WCAG 2.1 A/AA violation axe finds on the page."""
    violations = axe_violations(page)
    if violations:
        pytest.fail(
            f"axe found {len(violations)} WCAG 2.1 A/AA violation(s) on {page.url}:\n{describe(violations)}"
        )
