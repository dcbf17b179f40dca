"""The HTML report in a real browser: headless Chromium driven by selenium.

Needs Debian's chromium and chromium-driver (.ci/run installs them); skipped where they are
not installed, so that a developer without them can still run the rest."""

import os
import shutil
from pathlib import Path

import pytest

from factcheck import check
from factcheck.reporters import render
from tests.conftest import ROOT

selenium = pytest.importorskip("selenium")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="chromium and chromium-driver are not installed")


@pytest.fixture(scope="module")
def page(corpus):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        report = check(["claims/draft.md"], sources=corpus)
        out = ROOT / "reports" / "browser-test.html"
        out.parent.mkdir(exist_ok=True)
        with out.open("w", encoding="utf-8") as f:
            render("html", report, {"fail_on": "error"}, f)
    finally:
        os.chdir(cwd)
    opts = Options()
    opts.binary_location = CHROMIUM
    # no network here: keep Chromium from trying to reach any service of its own
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1600",
    ):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.get(Path(out).resolve().as_uri())
    yield driver, report
    driver.quit()


def test_draft_is_highlighted_by_verdict(page):
    from selenium.webdriver.common.by import By

    driver, report = page
    marks = driver.find_elements(By.CSS_SELECTOR, "mark.hl")
    assert len(marks) == len(report.items)
    assert all(m.is_displayed() for m in marks)
    verdicts = {m.get_attribute("data-verdict") for m in marks}
    assert {"verified", "misattributed", "contradicted", "disputed"} <= verdicts
    bg = driver.find_element(By.CSS_SELECTOR, "mark[data-verdict='contradicted']").value_of_css_property(
        "background-color"
    )
    assert bg != driver.find_element(By.CSS_SELECTOR, "mark[data-verdict='verified']").value_of_css_property(
        "background-color"
    )


def test_word_diff_and_evidence_are_visible(page):
    from selenium.webdriver.common.by import By

    driver, _ = page
    diffs = [d for d in driver.find_elements(By.CSS_SELECTOR, ".diff") if d.is_displayed()]
    assert diffs
    assert any(d.find_elements(By.TAG_NAME, "del") and d.find_elements(By.TAG_NAME, "ins") for d in diffs)
    number = next(d for d in diffs if "2023" in d.text)
    assert "2024" in [d.text for d in number.find_elements(By.TAG_NAME, "del")]
    assert "2023" in [i.text for i in number.find_elements(By.TAG_NAME, "ins")]
    evidence = driver.find_elements(By.CSS_SELECTOR, "blockquote.evidence")
    assert any("sources/ukaus-itpro.txt:12" in e.text and e.is_displayed() for e in evidence)


def test_filter_hides_a_verdict(page):
    from selenium.webdriver.common.by import By

    driver, _ = page
    box = driver.find_element(By.CSS_SELECTOR, ".filters input[value='verified']")
    box.click()
    hidden = driver.find_elements(By.CSS_SELECTOR, "[data-verdict='verified']")
    assert hidden and not any(el.is_displayed() for el in hidden)
    assert driver.find_element(By.CSS_SELECTOR, "[data-verdict='contradicted']").is_displayed()
    box.click()
    assert all(el.is_displayed() for el in driver.find_elements(By.CSS_SELECTOR, "mark[data-verdict='verified']"))


def test_no_console_errors_and_a_screenshot(page):
    driver, _ = page
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    shot = ROOT / "reports" / "browser-test.png"
    assert driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
