"""Regenerate english_words.txt, the ordinary English words Verify must not mistake for a brand's typo.

The source is SCOWL's size-50 American list as Debian ships it (package wamerican, file
/usr/share/dict/american-english). Run once by hand; nothing fetches at run time:

    apt-get download wamerican && dpkg -x wamerican_*.deb /tmp/w
    python src/walletdesk/verify/data/build_words.py /tmp/w/usr/share/dict/american-english

Kept: ASCII words of 3 to 15 letters, lower-cased (names of people and places too: trevor is not a typo
of trezor); possessives dropped.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

NOTICE = """# Ordinary English words (SCOWL size 50, American) for walletdesk Verify; built by build_words.py.
# SCOWL: Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute and sell
# these word lists, the associated scripts, the output created from the scripts, and its documentation
# for any purpose is hereby granted without fee, provided that the above copyright notice appears in
# all copies and that both that copyright notice and this permission notice appear in supporting
# documentation. Kevin Atkinson makes no representations about the suitability of this array for any
# purpose. It is provided "as is" without express or implied warranty.
"""


def main(source: str) -> None:
    words = sorted(
        {
            line.strip().lower()
            for line in Path(source).read_text(encoding="utf-8", errors="ignore").splitlines()
            if re.fullmatch(r"[A-Za-z][a-z]{2,14}", line.strip())
        }
    )
    out = Path(__file__).with_name("english_words.txt")
    out.write_text(NOTICE + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
