"""Score predicted attributions against brat standoff gold (PolNeAR layout).

Gold: ``DIR/text/<doc>.txt`` and ``DIR/attributions/<doc>_<annotator>.ann``;
where a document has several annotator files, the first in sorted order is
gold.  Predictions are plain python: ``{doc_key: [{"cue": frags, "source":
frags | None, "content": frags | None}, ...]}`` where ``frags`` is a tuple of
``(start, end)`` pairs.  The figures are those of the release scorer
(``shared/eval/score_attributions.py``): exact / lenient / token P/R/F1 per
element, and attribution-level P/R/F1 with the matched shares.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path
from typing import Iterable, Mapping, Sequence

Frags = tuple[tuple[int, int], ...]
ELEMENTS = ("cue", "source", "content")
# Characters stripped from both ends of every fragment for lenient matching.
LENIENT_TRIM = frozenset(" \t\r\n\"'“”‘’«»,.;:!?()[]—–-")
_WORD = re.compile(r"\w+")


# --- gold -----------------------------------------------------------------

def parse_brat(ann_text: str) -> list[dict]:
    """Attributions (events with a cue) of one brat .ann file's text."""
    spans: dict[str, Frags] = {}
    events: list[dict[str, str]] = []
    for line in ann_text.splitlines():
        fields = line.split("\t")
        key = fields[0]
        if not key or len(fields) < 2:
            continue
        if key[0] == "T":
            _label, _, offsets = fields[1].partition(" ")
            pairs = []
            for piece in offsets.split(";"):
                start, end = piece.split()
                pairs.append((int(start), int(end)))
            spans[key] = tuple(sorted(pairs))
        elif key[0] == "E":
            events.append(dict(arg.split(":", 1) for arg in fields[1].split()))
    attributions = []
    for roles in events:
        found = {element: spans.get(roles.get(element.capitalize(), "")) for element in ELEMENTS}
        if found["cue"] is not None:
            attributions.append(found)
    return attributions


class GoldError(ValueError):
    """Gold that cannot be scored against: no annotation files, or a malformed one."""


_BRAT_LINE = re.compile(r"[TERAMN#*]\d*\t")  # a brat standoff line opens with its id and a tab


def check_brat(ann_text: str, name: str, text_length: int) -> None:
    """`GoldError` naming the file and line where `ann_text` is not brat standoff for a text of
    `text_length` characters: unreadable offsets, offsets beyond the text, an event naming a
    span that is not there, or no brat line at all.  Other lines continue a span's text
    (PolNeAR's span texts may hold line breaks)."""
    spans: set[str] = set()
    events: list[tuple[int, str, list[str]]] = []
    brat_lines = 0
    for n, line in enumerate(ann_text.splitlines(), start=1):
        if not _BRAT_LINE.match(line):
            continue
        brat_lines += 1
        fields = line.split("\t")
        key = fields[0]
        if key[0] == "T":
            _label, _, offsets = fields[1].partition(" ")
            try:
                pairs = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
            except ValueError:
                pairs = []
            if not pairs or any(len(p) != 2 or not 0 <= p[0] <= p[1] for p in pairs):
                raise GoldError(f"{name} line {n}: offsets {offsets!r} are not `start end[;start end]`")
            if any(end > text_length for _, end in pairs):
                bad = next(f"{a}-{b}" for a, b in pairs if b > text_length)
                raise GoldError(f"{name} line {n}: offsets {bad} beyond the text ({text_length:,} characters)")
            spans.add(key)
        elif key[0] == "E" and len(fields) > 1:
            refs = [arg.split(":", 1)[1] for arg in fields[1].split() if ":" in arg]
            events.append((n, key, refs))
    for n, key, refs in events:
        missing = [r for r in refs if r[:1] == "T" and r not in spans]
        if missing:
            raise GoldError(f"{name} line {n}: {', '.join(missing)} named by {key} is no span of the file")
    if ann_text.strip() and not brat_lines:
        raise GoldError(f"{name}: no brat standoff lines (`T1<tab>Cue 8 12<tab>said`, `E1<tab>Attribution:T1 Cue:T1 ...`)")


def check_gold(split_dir: str | os.PathLike) -> list[str]:
    """Notes on a brat split that can be scored (documents without an .ann file); `GoldError`
    when it cannot: no texts, no .ann file for any text, or a malformed gold file."""
    root = Path(split_dir)
    try:
        files = annotation_files(root)
    except FileNotFoundError as err:
        raise GoldError(f"{root} must hold text/*.txt and attributions/*.ann (brat standoff): {err}") from err
    if not files:
        raise GoldError(f"no text/*.txt files in {root}")
    without = [key for key, mine in files.items() if not mine]
    if len(without) == len(files):
        raise GoldError(f"no attributions/<document>_<annotator>.ann file for any of the {len(files):,} texts "
                        f"(e.g. attributions/{next(iter(files))}_1.ann) in {root}")
    for key, mine in files.items():
        if mine:
            try:
                text = (root / "text" / f"{key}.txt").read_text(encoding="utf-8")
                ann = (root / "attributions" / mine[0]).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as err:
                raise GoldError(f"{key}: cannot read the text or {mine[0]}: {err}") from err
            check_brat(ann, mine[0], len(text))
    if not without:
        return []
    return [f"{len(without):,} of {len(files):,} documents have no .ann file and are scored as holding no "
            f"attributions: {', '.join(without[:5])}{' ...' if len(without) > 5 else ''}"]


def annotation_files(split_dir: str | os.PathLike) -> dict[str, list[str]]:
    """Document name -> the names of its annotators' brat files in sorted order (the first is the
    gold, as the release scorer reads it), for every text of a brat split, in sorted order."""
    root = Path(split_dir)
    ann_names = sorted(p.name for p in (root / "attributions").iterdir() if p.name.endswith(".ann"))
    keys = sorted(p.name[:-4] for p in (root / "text").iterdir() if p.name.endswith(".txt"))
    return {key: [n for n in ann_names if n.startswith(key + "_")] for key in keys}


def load_gold(split_dir: str | os.PathLike) -> tuple[dict[str, str], dict[str, list[dict]]]:
    """Texts and gold attributions of a brat split, keyed by document name."""
    root = Path(split_dir)
    texts: dict[str, str] = {}
    gold: dict[str, list[dict]] = {}
    for key, mine in annotation_files(root).items():
        texts[key] = (root / "text" / f"{key}.txt").read_text(encoding="utf-8")
        gold[key] = (
            parse_brat((root / "attributions" / mine[0]).read_text(encoding="utf-8")) if mine else []
        )
    return texts, gold


# --- predictions ------------------------------------------------------------

def attribution_fragments(attributions: Iterable) -> list[dict]:
    """Scorable fragments of top-level `Attribution` records that have a cue."""
    out = []
    for a in attributions:
        if a.cue is None or a.parent is not None:
            continue
        out.append({
            "cue": ((a.cue.start, a.cue.end),),
            "source": ((a.speaker.start, a.speaker.end),) if a.speaker is not None else None,
            "content": tuple(sorted((s.start, s.end) for s in a.content)) or None,
        })
    return out


def predictions_from_claims(documents: Iterable[Mapping], claims: Iterable[Mapping]):
    """(texts, predictions) keyed by the uri's file stem, from table rows as dicts.

    Rows without a cue and nested rows (with a parent_claim_id) are not scored.
    """
    by_doc: dict[str, tuple[str, str]] = {}
    for row in documents:
        key = os.path.splitext(os.path.basename(row.get("uri") or ""))[0]
        by_doc[row["doc_id"]] = (key, row["text"])
    preds: dict[str, list[dict]] = {}
    for row in claims:
        if row.get("cue_start") is None or row.get("parent_claim_id") is not None:
            continue
        if row["doc_id"] not in by_doc:
            continue
        key = by_doc[row["doc_id"]][0]
        spans = row.get("content_spans")
        if spans:
            content = tuple(sorted((int(f["start"]), int(f["end"])) for f in spans))
        elif row.get("content_start") is not None and row.get("content_end") is not None:
            content = ((int(row["content_start"]), int(row["content_end"])),)
        else:
            content = None
        source = None
        if row.get("speaker_start") is not None and row.get("speaker_end") is not None:
            source = ((int(row["speaker_start"]), int(row["speaker_end"])),)
        preds.setdefault(key, []).append({
            "cue": ((int(row["cue_start"]), int(row["cue_end"])),),
            "source": source,
            "content": content,
        })
    return {key: text for key, text in by_doc.values()}, preds


def load_predictions(data_dir: str | os.PathLike):
    """(texts, predictions) read from DATA_DIR/tables/{documents,claims}."""
    import pyarrow.dataset as ds

    tables = Path(data_dir) / "tables"

    def rows(name: str) -> list[dict]:
        return ds.dataset(str(tables / name), format="parquet", partitioning="hive").to_table().to_pylist()

    return predictions_from_claims(rows("documents"), rows("claims"))


# --- scoring -----------------------------------------------------------------

def lenient(text: str, frags: Frags) -> Frags:
    out = []
    for start, end in frags:
        while start < end and text[start] in LENIENT_TRIM:
            start += 1
        while end > start and text[end - 1] in LENIENT_TRIM:
            end -= 1
        if start < end:
            out.append((start, end))
    return tuple(out)


def word_starts(text: str, frags: Frags) -> set[int]:
    return {m.start() for start, end in frags for m in _WORD.finditer(text, start, end)}


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 1), "r": round(100 * r, 1), "f1": round(100 * f, 1),
            "tp": tp, "pred": n_pred, "gold": n_gold}


def overlap(x: Frags, y: Frags) -> bool:
    return any(a < d and c < b for a, b in x for c, d in y)


def pair_by_cue(gold: Sequence[dict], pred: Sequence[dict]) -> tuple[list[tuple[dict, int | None]], list[int]]:
    """Each gold attribution with the index of the first not yet paired prediction whose cue
    overlaps its cue (None without one), and the indices of the predictions left unpaired:
    the release scorer's pairing."""
    taken: set[int] = set()
    pairs: list[tuple[dict, int | None]] = []
    for g in gold:
        match = next((i for i, p in enumerate(pred) if i not in taken and overlap(g["cue"], p["cue"])), None)
        if match is not None:
            taken.add(match)
        pairs.append((g, match))
    return pairs, [i for i in range(len(pred)) if i not in taken]


def _add_multiset(tally: list[int], gold_items: Sequence, pred_items: Sequence) -> None:
    g, p = Counter(gold_items), Counter(pred_items)
    tally[0] += sum((g & p).values())
    tally[1] += sum(p.values())
    tally[2] += sum(g.values())


def score(gold_texts: Mapping[str, str], gold: Mapping[str, list[dict]],
          pred_texts: Mapping[str, str], preds: Mapping[str, list[dict]]) -> dict:
    """The release scorer's report for predictions against gold."""
    report = {"documents": len(gold_texts), "missing_documents": 0, "misaligned_documents": 0}
    tallies = {kind: {e: [0, 0, 0] for e in ELEMENTS} for kind in ("exact", "lenient", "token")}
    matched = Counter()
    n_pred = n_gold = 0
    for doc, text in gold_texts.items():
        g = gold[doc]
        p = preds.get(doc, [])
        if doc not in pred_texts:
            report["missing_documents"] += 1
            p = []
        elif pred_texts[doc] != text:
            report["misaligned_documents"] += 1
            p = []
        for e in ELEMENTS:
            gs = [a[e] for a in g if a[e]]
            ps = [a[e] for a in p if a[e]]
            _add_multiset(tallies["exact"][e], gs, ps)
            _add_multiset(tallies["lenient"][e], [lenient(text, f) for f in gs], [lenient(text, f) for f in ps])
            gw = set().union(*(word_starts(text, f) for f in gs))
            pw = set().union(*(word_starts(text, f) for f in ps))
            t = tallies["token"][e]
            t[0] += len(gw & pw); t[1] += len(pw); t[2] += len(gw)
        n_pred += len(p)
        n_gold += len(g)
        for ga, i in pair_by_cue(g, p)[0]:
            if i is None:
                continue
            pa = p[i]
            matched["tp"] += 1
            matched["source_exact"] += ga["source"] == pa["source"]
            matched["content_exact"] += ga["content"] == pa["content"]
            matched["source_lenient"] += lenient(text, ga["source"] or ()) == lenient(text, pa["source"] or ())
            matched["content_lenient"] += lenient(text, ga["content"] or ()) == lenient(text, pa["content"] or ())
    for kind, table in tallies.items():
        report[kind] = {e: prf(*table[e]) for e in ELEMENTS}
    tp = matched["tp"]
    report["attribution"] = prf(tp, n_pred, n_gold)
    for k in ("source_exact", "content_exact", "source_lenient", "content_lenient"):
        report["attribution"][k] = round(100 * matched[k] / tp, 1) if tp else 0.0
    return report


def format_report(report: dict) -> str:
    """The lines the release scorer prints for a report."""
    lines = [
        f"documents {report['documents']}  missing {report['missing_documents']}"
        f"  misaligned {report['misaligned_documents']}",
        f"{'':10}{'cue P/R/F1':>22}{'source P/R/F1':>22}{'content P/R/F1':>22}",
    ]
    for kind in ("exact", "lenient", "token"):
        cells = ["{p:5.1f} {r:5.1f} {f1:5.1f}".format(**report[kind][e]) for e in ELEMENTS]
        lines.append(f"{kind:10}" + "".join(f"{c:>22}" for c in cells))
    a = report["attribution"]
    lines.append(
        f"attributions P {a['p']} R {a['r']} F1 {a['f1']}; of matched: source exact {a['source_exact']}%"
        f" lenient {a['source_lenient']}%, content exact {a['content_exact']}% lenient {a['content_lenient']}%"
    )
    e = report["exact"]
    lines.append(f"exact F1 cue {e['cue']['f1']} source {e['source']['f1']} content {e['content']['f1']}")
    return "\n".join(lines)
