"""Writes reply.doc beside this file: a synthetic Word 97-2003 reply, written as OpenDocument
by odfpy and converted by LibreOffice (`soffice`, Debian's libreoffice-writer-nogui), which is
not needed to read it. Run from the repository root:

    python -m tests.formats.files.make_doc
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.fixtures.formats import make_odt

HERE = Path(__file__).resolve().parent
REPLY = [
    "Freedom of Information request",
    "Our ref: 0338/24",
    "1. Please provide the number of people subject to a SHPO in each financial year.",
    [["Financial year", "2022/23", "2023/24"], ["SHPO", "212", "230"]],
    "2. Please provide the number of recorded breaches of notification requirements.",
    "2022/23 - 17",
    "2023/24 - 21",
]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = make_odt(Path(folder) / "reply.odt", REPLY)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "doc", "--outdir", folder, str(source)],
            check=True,
            capture_output=True,
        )
        shutil.copy(Path(folder) / "reply.doc", HERE / "reply.doc")


if __name__ == "__main__":
    main()
