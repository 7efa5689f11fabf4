"""Speaker linking on BASIL 2010-2016: is a speaker quoted by two outlets of a triplet one speaker_id?

BASIL marks the speaker (`Barack_Obama`) of bias spans inside quotations.  The
claims are extracted by the project's own attribution step; each annotated
quoted span is matched to the innermost claim whose content covers it
(`"...," Steele said, according to a video` is Steele's claim), and that
claim's speaker mention goes to `link_speakers` together with every other
mention of the corpus (stories from `group_stories`).  For every gold
speaker quoted in two or more outlets of a triplet, each outlet pair counts
as agreeing when the two outlets' mentions carry the same speaker_id.

Three figures: `attribution right` over the pairs where both outlets' claims
name the gold speaker (the linker's own accuracy), `linked` over the pairs where both outlets' quotes were matched
to a named claim (what linking is responsible for), and `end to end` over all
gold pairs (a miss of the attribution step counts as a disagreement).
Generic speakers (`other_*`, empty) are left out.  A fourth figure keeps
only gold labels naming one person: for a group (`Obama_campaign`,
`NAACP`) each outlet often quotes a different member, whom no speaker
linking can make one speaker_id.

    .venv/bin/python bench/speakers_basil.py
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.attribution import extract_attributions  # noqa: E402
from pipelines.linking.basil import basil_root, iter_articles, read_annotations, sentence_offsets  # noqa: E402
from pipelines.linking.speakers import SpeakerMention, link_speakers  # noqa: E402
from pipelines.linking.stories import StoryDoc, group_stories  # noqa: E402
from pipelines.segment import split_sentences  # noqa: E402


def _claims(article):
    text = article.title + "\n\n" + article.text
    shift = len(article.title) + 2
    atts = extract_attributions(text, split_sentences(text, title=article.title))
    return shift, atts


def evaluate(root: Path) -> dict:
    articles = list(iter_articles(root))
    stories = group_stories([StoryDoc(a.article_id, a.title, a.text, a.source, a.published_at) for a in articles])
    mentions, located = [], []  # located: (triplet, gold speaker, source, claim_id or None)
    for a in articles:
        shift, atts = _claims(a)
        for k, att in enumerate(atts):
            cid = f"{a.article_id}#{k}"
            mentions.append(SpeakerMention(a.article_id, cid, att.speaker_name,
                                           None, att.speaker_role, att.speaker_type, stories[a.article_id]))
        starts = {(pi, si): st for pi, si, st in sentence_offsets(a)}
        for ann in read_annotations(root, a.year, a.article_id):
            gold = ann.get("speaker") or ""
            if ann.get("quote") != "yes" or not gold or gold.startswith("other"):
                continue
            pos = _find(a, ann, starts)
            hit = None
            if pos is not None:
                # the innermost attribution holding the span: `"...," Steele said, according to a video`
                # is Steele's claim nested in the video's
                covering = [(att.content_hull.end - att.content_hull.start, k) for k, att in enumerate(atts)
                            if att.speaker_name and any(s.start - shift <= pos < s.end - shift for s in att.content)]
                if covering:
                    hit = f"{a.article_id}#{min(covering)[1]}"
            named = hit and _names_gold(atts[int(hit.split("#")[1])].speaker_name, gold)
            located.append((a.triplet, gold, a.source, hit, named))
    t0 = time.perf_counter()
    _, mapping = link_speakers(mentions)
    seconds = time.perf_counter() - t0
    per_outlet: dict[tuple[str, str], dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    right: dict[tuple[str, str], dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for triplet, gold, source, hit, named in located:
        per_outlet[(triplet, gold)][source][mapping.get(hit) if hit else None] += 1
        if named:
            right[(triplet, gold)][source][mapping.get(hit)] += 1
    agree = linked = total = 0
    person = Counter()  # pairs and agreements where the gold label names one person
    for (_, gold), outlets in per_outlet.items():
        ids = {src: _best(c) for src, c in outlets.items()}
        for x, y in combinations(sorted(ids), 2):
            total += 1
            same = bool(ids[x] and ids[y] and ids[x] == ids[y])
            if ids[x] and ids[y]:
                linked += 1
                agree += same
            if _names_a_person(gold):
                person["pairs"] += 1
                person["agree"] += same
    named_pairs = named_agree = 0
    for outlets in right.values():
        ids = {src: _best(c) for src, c in outlets.items()}
        for x, y in combinations(sorted(ids), 2):
            named_pairs += 1
            named_agree += ids[x] is not None and ids[x] == ids[y]
    return {"pairs": total, "linked_pairs": linked, "agree": agree, "seconds": seconds,
            "named_pairs": named_pairs, "named_agree": named_agree,
            "mentions": len(mentions), "annotated_quotes": len(located),
            "person_pairs": person["pairs"], "person_agree": person["agree"]}


_GROUP_WORDS = frozenset("campaign officials party lawmakers democrats republicans companies group administration".split())


def _names_a_person(gold: str) -> bool:
    """`Rick_Perry` names a person; `Obama_campaign`, `Tea_Party`, `NAACP`, `Catholics` name a group,
    whose outlets may each quote a different member (a spokeswoman here, a press secretary there)."""
    words = gold.split("_")
    return len(words) >= 2 and not any(w.lower() in _GROUP_WORDS for w in words) and not gold.isupper()


def _names_gold(name: str | None, gold: str) -> bool:
    """The extracted speaker names the gold speaker: `Mr. Obama` / `Barack_Obama` share the surname.

    BASIL cuts its speaker labels at the first non-ASCII letter (`Felipe_Calder` for Calderón),
    so a name word that starts with a cut surname and has at most two letters more matches it (`Calderon`)."""
    surname = gold.split("_")[-1].lower()
    return bool(name) and any(w == surname or len(surname) >= 5 and w.startswith(surname) and len(w) - len(surname) <= 2
                              for w in name.lower().replace(".", "").split())


def _best(ids: Counter) -> str | None:
    named = Counter({k: v for k, v in ids.items() if k})
    return named.most_common(1)[0][0] if named else None


def _find(article, ann, starts) -> int | None:
    """Offset of the annotated span in `article.text`: BASIL offsets are within one sentence."""
    txt = ann.get("txt") or ""
    for (pi, si), st in starts.items():
        sentence = article.paragraphs[pi][si]
        s, e = ann.get("start", -1), ann.get("end", -1)
        if 0 <= s < e <= len(sentence) and sentence[s:e] == txt:
            return st + s
    where = article.text.find(txt) if txt else -1
    return where if where >= 0 else None


def main() -> int:
    root = basil_root()
    if root is None:
        print("skipped: ../shared/data/basil is absent")
        return 0
    r = evaluate(root)
    print(f"{r['annotated_quotes']} quoted spans with a named speaker, {r['mentions']} claim mentions")
    print(f"outlet pairs quoting one gold speaker: {r['pairs']}; both matched to a named claim: {r['linked_pairs']}")
    print(f"linked:     {r['agree'] / max(r['linked_pairs'], 1):.3f} same speaker_id ({r['agree']}/{r['linked_pairs']})")
    print(f"attribution right (both outlets' claims name the gold speaker): "
          f"{r['named_agree'] / max(r['named_pairs'], 1):.3f} same speaker_id ({r['named_agree']}/{r['named_pairs']})")
    print(f"end to end: {r['agree'] / max(r['pairs'], 1):.3f} ({r['agree']}/{r['pairs']})")
    print(f"end to end, gold naming one person (not a group such as Obama_campaign): "
          f"{r['person_agree'] / max(r['person_pairs'], 1):.3f} ({r['person_agree']}/{r['person_pairs']})")
    print(f"link_speakers: {r['seconds']:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
