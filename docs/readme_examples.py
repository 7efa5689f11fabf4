"""Regenerate the README's example queries with their real output.

    .venv/bin/python docs/readme_examples.py

Runs the pipeline on seeds/ into a temporary data dir, runs each example
through the `claimwire sql` code path, and rewrites the block between the
`<!-- examples:start -->` and `<!-- examples:end -->` markers of README.md.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
START, END = "<!-- examples:start -->", "<!-- examples:end -->"

EXAMPLES = [
    ("Who said what in the Reuters sample",
     "select speaker, cue, attribution_type, content from who_said_what "
     "where source = 'reuters' and speaker_type = 'person' limit 6", 44),
    ("Stories: the same event across outlets",
     "select story_id, list(distinct source order by source) as sources from stories join documents using (doc_id) "
     "group by story_id order by len(sources) desc, story_id", 60),
    ("How claims relate across outlets", "select relation, count(*) as links from claim_links group by relation order by links desc", 60),
    ("Quotes that drift between outlets", "select speaker, source_a, source_b, difference from quote_variants", 50),
    ("Numbers that disagree", "select speaker_a, source_a, source_b, detail from conflicting_quantities", 40),
    ("The most check-worthy claim of each outlet",
     "select source, speaker, checkworthy, content from checkworthy_claims where rank_in_source = 1", 56),
    ("How sure each speaker sounds", "select speaker, claims, hedged, hedges from hedged_claims_by_speaker limit 5", 60),
    ("Quantities, normalised", "select source, quantity, value, unit, approximation from claim_quantities "
     "where kind = 'duration' order by source, value", 40),
]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        subprocess.run([str(BIN / "claimwire"), "run", str(ROOT / "seeds"), "--data-dir", str(data), "--quiet"],
                       check=True, capture_output=True)
        blocks = []
        for title, sql, width in EXAMPLES:
            out = subprocess.run([str(BIN / "claimwire"), "sql", sql, "--data-dir", str(data), "--max-width", str(width)],
                                 check=True, capture_output=True, text=True).stdout
            blocks.append(f"{title}:\n\n```\n$ claimwire sql \"{sql}\"\n{out.rstrip()}\n```\n")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    (ROOT / "README.md").write_text(head + START + "\n" + "\n".join(blocks) + END + tail, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
