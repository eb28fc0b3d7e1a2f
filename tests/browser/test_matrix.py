"""The toetsingsmatrix read at a glance: at 1366×900 every column and the first row's figures in view without
scrolling, the header row sticky over the page; on a phone a card per item, and compare, without sideways
scrolling."""

import re

import pytest

from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

MATRIX = "/toetsingskader/matrix/"
COMPARE = (
    "/vergelijken/?items=woonvorm:buur&items=woonvorm:mixit&items=praktijkvoorbeeld:lieven"
    "&items=succesversneller:respijthuis"
)
WIDE = {"width": 1366, "height": 900}
COLUMNS = [f"T{n}" for n in range(1, 8)] + ["A1", "A2", "A3", "Totaal", "Bekend", "Niveau", "Aanvullend"]
FIGURES = ["Totaal", "Bekend", "Niveau"]

# Per column header: its text and box; per cell of the first body row: its box.
LAYOUT = """() => {
    const box = (element) => {
        const r = element.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    };
    const table = document.querySelector("table.matrix");
    const headers = [...table.tHead.rows[0].cells].map((cell) => ({
        text: cell.innerText.trim(), box: box(cell)
    }));
    const first = [...table.tBodies[0].rows[0].cells].map((cell) => box(cell));
    return {headers, first, width: window.innerWidth, height: window.innerHeight,
            scrollX: window.scrollX, scrollY: window.scrollY};
}"""

# After scrolling: what is drawn on top at the centre of each header cell and of each name cell in view.
ON_TOP = """() => {
    const table = document.querySelector("table.matrix");
    const topmost = (cell) => {
        const r = cell.getBoundingClientRect();
        const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
        return hit !== null && cell.contains(hit);
    };
    // The header cells stick, not their row: the header is where the cells are drawn.
    const cells = [...table.tHead.rows[0].cells].map((cell) => cell.getBoundingClientRect());
    const header = {
        top: Math.min(...cells.map((r) => r.top)), bottom: Math.max(...cells.map((r) => r.bottom))
    };
    const names = [...table.tBodies[0].rows].map((row) => row.cells[0]).filter((cell) => {
        const r = cell.getBoundingClientRect();
        return r.top >= header.bottom && r.bottom <= window.innerHeight;
    });
    const nameColumn = table.tBodies[0].rows[0].cells[0].getBoundingClientRect();
    return {
        header: {top: header.top, bottom: header.bottom},
        headersOnTop: [...table.tHead.rows[0].cells].map((cell) => [cell.innerText.trim(), topmost(cell)]),
        namesInView: names.length,
        namesOnTop: names.filter(topmost).length,
        nameColumnRight: nameColumn.right,
        codeColumnsLeft: [...table.tHead.rows[0].cells].slice(1).map((c) => c.getBoundingClientRect().left),
        scrollY: window.scrollY,
    };
}"""

NO_SIDEWAYS_SCROLL = """() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    boxes: [...document.querySelectorAll(".table-scroll")].map((box) => box.scrollWidth - box.clientWidth),
})"""


def column(headers, name):
    """The index of the column whose header starts with the word `name` (a sort mark, a second line or the
    visually hidden text may follow)."""
    [index] = [i for i, header in enumerate(headers) if re.match(r"\w+", header["text"])[0] == name]
    return index


def within(box, layout):
    return (
        box["left"] >= 0
        and box["top"] >= 0
        and box["right"] <= layout["width"]
        and (box["bottom"] <= layout["height"])
    )


@pytest.fixture
def wide(page):
    page.set_viewport_size(WIDE)
    return page


def test_every_column_and_the_first_rows_total_coverage_and_level_are_in_view_at_1366x900(wide, live_site):
    wide.goto(live_site.url + MATRIX)
    layout = wide.evaluate(LAYOUT)
    assert layout["scrollX"] == 0 and layout["scrollY"] == 0
    headers = layout["headers"]
    assert [h for h in COLUMNS if not within(headers[column(headers, h)]["box"], layout)] == []
    first_row = layout["first"]
    assert len(first_row) == len(headers)
    assert [f for f in FIGURES if not within(first_row[column(headers, f)], layout)] == []
    overflow = wide.evaluate(NO_SIDEWAYS_SCROLL)
    assert overflow["page"] <= 0 and max(overflow["boxes"]) <= 0, "nothing scrolls sideways"


def test_the_header_row_stays_in_view_over_the_rows_and_never_over_the_names(wide, live_site):
    wide.goto(live_site.url + MATRIX)
    wide.mouse.wheel(0, 1500)
    wide.wait_for_function("() => window.scrollY > 1000")
    state = wide.evaluate(ON_TOP)
    assert -1 <= state["header"]["top"] <= 1, "the header row sticks to the top of the window"
    assert [name for name, on_top in state["headersOnTop"] if not on_top] == []
    assert state["namesInView"] >= 5
    assert state["namesOnTop"] == state["namesInView"], "no header cell covers a name below the header row"
    assert min(state["codeColumnsLeft"]) >= state["nameColumnRight"] - 1


def test_the_matrix_has_no_axe_violations_at_1366x900(wide, live_site):
    wide.goto(live_site.url + MATRIX)
    assert_no_axe_violations(wide)


def test_the_legend_explains_every_symbol_above_the_table(wide, live_site):
    wide.goto(live_site.url + MATRIX)
    legend = wide.locator(".matrix-legend")
    for words in ("voldoet", "voldoet deels", "voldoet niet", "onbekend", "niet van toepassing"):
        assert legend.get_by_text(words, exact=True).is_visible()
    assert legend.bounding_box()["y"] < wide.locator("table.matrix").bounding_box()["y"]


@pytest.mark.parametrize("width", [390, 320])
@pytest.mark.parametrize("path", [MATRIX, COMPARE], ids=["matrix", "vergelijken"])
def test_nothing_scrolls_sideways_on_a_phone(page, live_site, width, path):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_site.url + path)
    overflow = page.evaluate(NO_SIDEWAYS_SCROLL)
    assert overflow["page"] <= 0, f"the page is {overflow['page']}px wider than a {width}px screen"
    assert max(overflow["boxes"], default=0) <= 0, "no table scrolls sideways inside its box either"


def test_on_a_phone_each_item_is_a_card_with_its_scores_and_figures_in_view(page, live_site):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_site.url + MATRIX)
    card = page.locator("table.matrix tbody tr").first
    assert card.evaluate("row => getComputedStyle(row).display") == "flex"
    for cell in card.locator("th, td").all():
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert_no_axe_violations(page)
