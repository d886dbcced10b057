"""A real headless Chromium driven over the DevTools protocol: load a page, collect every console
error, uncaught exception and failed load, and evaluate expressions in the rendered DOM."""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from websockets.sync.client import ClientConnection, connect

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
]
# Starting the browser is not what is tested; this only stops a broken install hanging the run.
STARTUP_LIMIT_SECONDS = 60


@dataclass
class LoadedPage:
    """The page after its load event, and what the browser reported while loading it."""

    errors: list[str] = field(default_factory=list)
    _socket: ClientConnection | None = None
    _next_id: int = 0

    def evaluate(self, expression: str) -> object:
        """The JSON value of a JavaScript expression evaluated in the page."""
        result = _call(self, "Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return result["result"].get("value")


@contextmanager
def chromium() -> Iterator[str]:
    """A headless Chromium with a fresh profile; yields the websocket URL of its blank page."""
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run scripts/install_chromium.sh")
    # Chromium's helper processes can still be writing the profile as it is removed.
    with tempfile.TemporaryDirectory(prefix="foi-chromium-", ignore_cleanup_errors=True) as profile:
        process = subprocess.Popen(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            yield _page_socket_url(Path(profile) / "DevToolsActivePort", process)
        finally:
            # The whole process group: the browser and its zygote, renderer and crash helpers.
            os.killpg(process.pid, signal.SIGTERM)
            process.wait()


@contextmanager
def load(url: str) -> Iterator[LoadedPage]:
    """Open `url` in a new headless Chromium; yield the loaded page with its console errors."""
    with chromium() as socket_url, connect(socket_url, max_size=None) as socket:
        page = LoadedPage(_socket=socket)
        for method in ("Runtime.enable", "Log.enable", "Page.enable"):
            _call(page, method, {})
        _call(page, "Page.navigate", {"url": url})
        _wait_for(page, "Page.loadEventFired")
        # a round trip after the load event flushes any message logged during it
        page.evaluate("document.readyState")
        yield page


def _page_socket_url(port_file: Path, process: subprocess.Popen) -> str:
    deadline = time.monotonic() + STARTUP_LIMIT_SECONDS
    while not port_file.exists() or not port_file.read_text().strip():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("chromium did not start its DevTools endpoint")
        time.sleep(0.1)
    port = port_file.read_text().split()[0]
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(f"http://127.0.0.1:{port}/json/list") as response:
        targets = json.load(response)
    return next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")


def _call(page: LoadedPage, method: str, params: dict) -> dict:
    page._next_id += 1
    call_id = page._next_id
    page._socket.send(json.dumps({"id": call_id, "method": method, "params": params}))
    while True:
        message = json.loads(page._socket.recv())
        if message.get("id") == call_id:
            if "error" in message:
                raise RuntimeError(f"{method}: {message['error']}")
            return message.get("result", {})
        _record(page, message)


def _wait_for(page: LoadedPage, event: str) -> None:
    while True:
        message = json.loads(page._socket.recv())
        _record(page, message)
        if message.get("method") == event:
            return


def _record(page: LoadedPage, message: dict) -> None:
    method, params = message.get("method"), message.get("params", {})
    if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
        texts = [str(a.get("value", a.get("description", ""))) for a in params["args"]]
        page.errors.append("console: " + " ".join(texts))
    elif method == "Runtime.exceptionThrown":
        details = params["exceptionDetails"]
        page.errors.append(
            "exception: " + details.get("exception", {}).get("description", details["text"])
        )
    elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
        page.errors.append(
            f"log: {params['entry']['text']} {params['entry'].get('url', '')}".strip()
        )


def screenshot(page: LoadedPage, selector: str | None = None, width: int = 1200) -> bytes:
    """A PNG of the page (or of the first element matching `selector`) at a fixed width."""
    _call(
        page,
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
    )
    params: dict = {"format": "png", "captureBeyondViewport": True}
    if selector is None:
        size = page.evaluate("[document.documentElement.scrollWidth, document.body.scrollHeight]")
        params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}
    else:
        box = page.evaluate(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
            ".getBoundingClientRect(); "
            "return [r.x + scrollX, r.y + scrollY, r.width, r.height]; })()"
        )
        params["clip"] = {"x": box[0], "y": box[1], "width": box[2], "height": box[3], "scale": 1}
    result = _call(page, "Page.captureScreenshot", params)
    return base64.b64decode(result["data"])
