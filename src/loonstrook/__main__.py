"""The child process of `loonstrook.lees`: read one file, print {"velden", "bron", "meldingen"}."""

import json
import resource
import sys
from pathlib import Path

from loonstrook import GEHEUGEN, TIJDSLIMIET, leeg, naar_velden


def main() -> None:
    # Limits first: whatever the file does, this process (and Tesseract under it) stays bounded.
    for soort, grens in ((resource.RLIMIT_AS, GEHEUGEN), (resource.RLIMIT_CPU, TIJDSLIMIET)):
        try:
            _, hard = resource.getrlimit(soort)
            resource.setrlimit(
                soort, (grens if hard == resource.RLIM_INFINITY else min(grens, hard), hard)
            )
        except (ValueError, OSError):
            pass
    antwoord: dict[str, object]
    try:
        from loonstrook.lezen import lees_velden

        ruw, gelezen = lees_velden(Path(sys.argv[1]))
        antwoord = {
            "velden": naar_velden(ruw),
            "bron": gelezen.bron,
            "meldingen": gelezen.meldingen,
        }
    except (Exception, MemoryError, RecursionError):
        antwoord = {
            "velden": leeg(),
            "bron": "geen",
            "meldingen": ["Het bestand kon niet gelezen worden."],
        }
    sys.stdout.write(json.dumps(antwoord))


if __name__ == "__main__":
    main()
