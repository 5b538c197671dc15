"""Headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser) for end-to-end tests."""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a thread with a
# running loop unless told that this is intended (it is: the test, not a server, seeds the data).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
WIDTHS = {"phone": 375, "desktop": 1280}


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM}: install Debian's chromium package (.ci/run does)."
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the seed loaded (live-server tests see only committed data)."""
    from articles.seed import seed_load

    seed_load()
    return live_server.url


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def page(request, browser):
    width = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.width_name = request.param
    yield page
    context.close()


@pytest.fixture
def shoot():
    """Save a full-page screenshot under test-artifacts/screenshots (ignored by git)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def save(page, name):
        page.screenshot(path=str(ARTIFACTS / f"{name}-{page.width_name}.png"), full_page=True)

    return save
