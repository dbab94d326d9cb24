"""Headless Chromium for the view's tests and README screenshots: Debian's `chromium`
driven through its `chromedriver` with selenium (no browser download: Selenium
Manager is never asked, the driver's path is given).

`python -m pipeline.view.browser SITE_DIR OUT_DIR` writes the README's screenshots of
a site written by `python -m pipeline view`.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMEDRIVER = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
# What works in a sandbox without a GPU, a display or a network.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars")


class BrowserUnavailable(Exception):
    """No Chromium, no chromedriver or no selenium here; the message says which."""


def _first(paths: tuple[str, ...]) -> str | None:
    return next((p for p in paths if Path(p).is_file()), None)


def missing() -> str | None:
    """Why a browser cannot be had here, or None when it can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is not installed (pip install -e '.[dev]')"
    if _first(CHROMIUM) is None:
        return "Debian's chromium is not installed (`make browser`, or apt-get install chromium chromium-driver)"
    if _first(CHROMEDRIVER) is None:
        return "chromedriver is not installed (apt-get install chromium-driver)"
    return None


@contextmanager
def chromium(width: int = 1400, height: int = 900) -> Iterator:
    """A selenium WebDriver on headless Chromium with a fresh profile, closed after."""
    reason = missing()
    if reason:
        raise BrowserUnavailable(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="histextract-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = _first(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=_first(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def screenshots(site: Path, out_dir: Path) -> list[Path]:
    """The timeline, and the first document's page with its first event frame clicked
    (its JSON shown), as PNGs in out_dir."""
    site, out_dir = Path(site).resolve(), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    first_doc = sorted((site / "docs").glob("*.html"))[0]
    click_first_frame = "const f = document.querySelector('.frame'); if (f) f.click();"
    shots = [(site / "timeline.html", out_dir / "view-timeline.png", None),
             (first_doc, out_dir / "view-document.png", click_first_frame)]
    written = []
    with chromium(1400, 1000) as driver:
        for page, png, script in shots:
            driver.get(page.as_uri())
            if script:
                driver.execute_script(script)
            driver.save_screenshot(str(png))
            written.append(png)
    return written


if __name__ == "__main__":
    for path in screenshots(Path(sys.argv[1]), Path(sys.argv[2])):
        print(path)
