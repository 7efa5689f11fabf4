"""pipelines.evaluation agrees with the release scorer (shared/eval/score_attributions.py)."""

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines import evaluation
from pipelines.records import Attribution, Span

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score_attributions.py"

TEXT_A = 'Sources said the talks failed. "We will win," Peskov said, "and soon." Trump said that it was over.\n'
TEXT_B = "According to the report, turnout fell. Officials declined to comment.\n"
# brat: a multi-fragment content, a source-less attribution and a non-attribution span
ANN_A = """T1\tSource 0 7\tSources
T2\tCue 8 12\tsaid
T3\tContent 13 29\tthe talks failed
E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3
T4\tSource 46 52\tPeskov
T5\tCue 53 57\tsaid
T6\tContent 31 45;59 70\t"We will win," "and soon."
E2\tAttribution:T5 Cue:T5 Source:T4 Content:T6
T7\tCue 77 81\tsaid
T8\tContent 82 96\tthat it was ov
E3\tAttribution:T7 Cue:T7 Content:T8
T9\tDiscard 0 5\tSourc
"""
ANN_B = """T1\tCue 0 12\tAccording to
T2\tSource 13 23\tthe report
T3\tContent 25 38\tturnout fell.
E1\tAttribution:T1 Cue:T1 Source:T2 Content:T3
"""


def _gold(tmp_path: Path) -> Path:
    root = tmp_path / "gold"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (root / "text" / "b.txt").write_text(TEXT_B, encoding="utf-8")
    (root / "text" / "c.txt").write_text("Nothing here.\n", encoding="utf-8")
    (root / "attributions" / "a_ann1.ann").write_text(ANN_A, encoding="utf-8")
    (root / "attributions" / "a_ann2.ann").write_text("", encoding="utf-8")  # not the first: ignored
    (root / "attributions" / "b_x.ann").write_text(ANN_B, encoding="utf-8")
    return root


PREDICTED = {
    "a": [
        {"cue": ((8, 12),), "source": ((0, 7),), "content": ((13, 30),)},  # content one char long
        {"cue": ((53, 57),), "source": ((46, 52),), "content": ((31, 45), (59, 70))},
        {"cue": ((77, 81),), "source": ((71, 76),), "content": ((82, 96),)},  # source not in gold
        {"cue": ((0, 7),), "source": None, "content": None},  # cue overlapping nothing
    ],
    "b": [{"cue": ((0, 12),), "source": ((13, 23),), "content": ((25, 37),)}],
}


def _write_tables(data: Path, gold: Path) -> None:
    docs, claims = [], []
    for key, preds in PREDICTED.items():
        path = gold / "text" / f"{key}.txt"
        docs.append({"doc_id": f"id-{key}", "uri": str(path), "text": path.read_text(encoding="utf-8")})
        for p in preds:
            content = p["content"] or ()
            claims.append({
                "doc_id": f"id-{key}",
                "speaker_start": p["source"][0][0] if p["source"] else None,
                "speaker_end": p["source"][0][1] if p["source"] else None,
                "cue_start": p["cue"][0][0], "cue_end": p["cue"][0][1],
                "content_start": content[0][0] if content else None,
                "content_end": content[-1][1] if content else None,
                "content_spans": [{"start": a, "end": b} for a, b in content] or None,
                "parent_claim_id": None,
            })
    # a nested claim: not scored
    claims.append({"doc_id": "id-b", "speaker_start": 39, "speaker_end": 48, "cue_start": 49, "cue_end": 57,
                   "content_start": 58, "content_end": 68, "content_spans": None, "parent_claim_id": "x"})
    for name, rows in (("documents", docs), ("claims", claims)):
        (data / "tables" / name).mkdir(parents=True)
        schema = None
        if name == "claims":
            span = pa.struct([("start", pa.int64()), ("end", pa.int64())])
            schema = pa.schema([("doc_id", pa.string())] + [(c, pa.int64()) for c in (
                "speaker_start", "speaker_end", "cue_start", "cue_end", "content_start", "content_end")]
                + [("content_spans", pa.list_(span)), ("parent_claim_id", pa.string())])
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), data / "tables" / name / "part-0.parquet")


def test_score_matches_the_release_scorer(tmp_path):
    if not SCORER.exists():
        pytest.skip(f"{SCORER} is absent: the release scorer lives in ../shared/eval")
    gold = _gold(tmp_path)
    data = tmp_path / "data"
    _write_tables(data, gold)
    out = tmp_path / "report.json"
    printed = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--data", str(data), "--json", str(out)],
                             check=True, capture_output=True, text=True).stdout
    theirs = json.loads(out.read_text())

    texts, gold_atts = evaluation.load_gold(gold)
    pred_texts, preds = evaluation.load_predictions(data)
    mine = evaluation.score(texts, gold_atts, pred_texts, preds)
    assert mine == theirs
    assert evaluation.format_report(mine) == printed.rstrip("\n")
    # the plain-python path gives the same figures as the table path
    assert evaluation.score(texts, gold_atts, {k: texts[k] for k in PREDICTED}, PREDICTED) == theirs
    assert mine["exact"]["cue"]["tp"] == 4 and mine["exact"]["content"]["tp"] == 2


def test_attribution_fragments_skip_nested_and_cueless():
    top = Attribution(0, "direct", (Span(5, 9), Span(1, 3)), cue=Span(10, 14), speaker=Span(15, 20))
    nested = Attribution(0, "indirect", (Span(30, 40),), cue=Span(25, 29), parent=0)
    cueless = Attribution(0, "unattributed", (Span(50, 60),))
    assert evaluation.attribution_fragments([top, nested, cueless]) == [
        {"cue": ((10, 14),), "source": ((15, 20),), "content": ((1, 3), (5, 9))}
    ]


def test_misaligned_and_missing_documents_count():
    texts = {"a": "one", "b": "two"}
    gold = {"a": [{"cue": ((0, 1),), "source": None, "content": None}], "b": []}
    report = evaluation.score(texts, gold, {"a": "ONE"}, {"a": [{"cue": ((0, 1),), "source": None, "content": None}]})
    assert (report["missing_documents"], report["misaligned_documents"]) == (1, 1)
    assert report["exact"]["cue"]["tp"] == 0


def test_annotator_agreement_scores_the_second_file_against_the_first(tmp_path):
    from bench.attribution_agreement import annotator_pairs, cue_agreement

    root = _gold(tmp_path)
    # the second annotator of `a`: Peskov's cue runs on to `said,`, Trump's attribution is left out
    second = ANN_A.replace("T5\tCue 53 57\tsaid", "T5\tCue 53 58\tsaid,").split("T7\t")[0]
    (root / "attributions" / "a_ann2.ann").write_text(second, encoding="utf-8")
    texts, first, other = annotator_pairs(root)
    assert list(texts) == ["a"]  # b and c have one annotator or none
    report = evaluation.score(texts, first, texts, other)
    assert report["exact"]["cue"] == evaluation.prf(1, 2, 3)
    assert report["exact"]["source"] == evaluation.prf(2, 2, 2)
    assert report["attribution"]["tp"] == 2
    counts = cue_agreement(first, other)
    assert counts == Counter({"same cue": 1, "cue boundary": 1, "first only": 1})


def test_errors_bench_groups_documents_by_the_annotator_of_their_gold(tmp_path):
    from bench.attribution_errors import by_annotator

    root = _gold(tmp_path)
    texts, _ = evaluation.load_gold(root)
    assert by_annotator(root, texts) == {"ann1": ["a"], "x": ["b"]}  # c has no file; a_ann2 is not the gold


def _eval_cli(gold: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    claimwire = Path(sys.executable).with_name("claimwire")
    return subprocess.run([str(claimwire), "eval", "--gold", str(gold)], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300)


def test_eval_without_any_ann_file_is_an_error(tmp_path):
    gold = _gold(tmp_path)
    for ann in (gold / "attributions").iterdir():
        ann.rename(ann.with_name(ann.name.replace("_", "-")))  # `a-ann1.ann`: no `<doc>_<annotator>.ann` name
    proc = _eval_cli(gold, tmp_path)
    assert proc.returncode == 2 and "exact F1" not in proc.stdout
    [line] = proc.stderr.splitlines()
    assert line.startswith("claimwire eval: error:") and "no attributions/<document>_<annotator>.ann file" in line


@pytest.mark.parametrize("ann, says", [
    ("T1\tCue twelve 15\tsaid\n", "a_ann1.ann line 1: offsets"),
    ("T1\tCue 8 12\tsaid\nE1\tAttribution:T1 Cue:T1 Content:T7\n", "a_ann1.ann line 2: T7"),
    ("T1\tCue 8 9999\tsaid\n", "a_ann1.ann line 1: offsets 8-9999 beyond the text"),
    ('{"not": "brat"}\n', "a_ann1.ann: no brat standoff lines"),
])
def test_eval_on_a_malformed_ann_file_is_an_error_naming_it(tmp_path, ann, says):
    gold = _gold(tmp_path)
    (gold / "attributions" / "a_ann1.ann").write_text(ann, encoding="utf-8")
    with pytest.raises(evaluation.GoldError, match=re.escape(says)):
        evaluation.check_gold(gold)
    proc = _eval_cli(gold, tmp_path)
    assert proc.returncode == 2 and says in proc.stderr and "exact F1" not in proc.stdout


def test_a_document_without_its_ann_file_is_named_in_a_note(tmp_path):
    gold = _gold(tmp_path)
    assert evaluation.check_gold(gold) == ["1 of 3 documents have no .ann file and are scored as holding no "
                                           "attributions: c"]


def test_the_polnear_gold_is_well_formed():
    dev = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
    if not dev.exists():
        pytest.skip(f"{dev} is absent: the shared evaluation data lives in ../shared/data")
    for split in ("dev", "train"):
        evaluation.check_gold(dev / split)
