"""A CRF token tagger for cue, source and content spans, on top of the rules.

Each paragraph is one sequence of word tokens tagged BIO over three roles
(`S` source, `C` cue, `T` content).  Features: the word, its suffix, stem and
shape, quote state, sentence position, `that` / a quote / a colon ahead, the
reporting-verb and title lexicons, a cue prior learned from train
(`attribution_cue_prior.tsv`), and the rules' own (outermost) attributions as
BIO tags, with neighbours at +-2, and the pattern that read each rules cue
(`rp=source_first`: the tagger learns how far to trust each).
The model (`pipelines/models/attribution_crf.crfsuite`, python-crfsuite's
own format, not a pickle) is trained by `python -m
pipelines.training.train_attribution` on PolNeAR train.  Its figures are
printed by `bench/attribution_eval.py`; feature sets tried and not kept are
recorded in the commit history.

`tag_document` returns the tagged spans grouped into attributions: every
source or content span goes to the nearest cue of its sentence (content with
no cue in its sentence, a floating quote, to the nearest cue of its
paragraph).  `merge.merge` combines them with the rules' attributions.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from ..records import Sentence
from .lexicon import reporting_verbs, words
from .quotes import quotation_spans

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "attribution_crf.crfsuite"
# word -> how often it is part of a cue in PolNeAR train, bucketed (written by the training script)
PRIOR_PATH = MODEL_PATH.with_name("attribution_cue_prior.tsv")
TOKEN = re.compile(r"\w+|[^\w\s]")
_STEM = re.compile(r"(?:ing|ed|es|s|d)$")
LABELS = ("S", "C", "T")
KEEP_EMPTY = True  # cues tagged without content: `__init__` looks for the content with the rules


@lru_cache(maxsize=None)
def _lexicons() -> tuple[frozenset, frozenset]:
    cue_words = frozenset(f.split()[0].lower() for f in reporting_verbs())
    return cue_words, words("speaker_titles.txt")


@lru_cache(maxsize=1)
def load_tagger():
    """The CRF tagger, opened once; None without python-crfsuite or the model file,
    or with CLAIMWIRE_ATTRIBUTION=rules."""
    path = Path(os.environ.get("CLAIMWIRE_ATTRIBUTION_MODEL") or MODEL_PATH)
    if os.environ.get("CLAIMWIRE_ATTRIBUTION", "").lower() == "rules" or not path.exists():
        return None
    try:
        import pycrfsuite
    except ImportError:
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


@lru_cache(maxsize=1)
def cue_prior() -> dict[str, str]:
    path = Path(os.environ.get("CLAIMWIRE_ATTRIBUTION_MODEL") or MODEL_PATH).with_name(PRIOR_PATH.name)
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            w, bucket = line.split("\t")[:2]
            out[w] = bucket
    return out


def _shape(w: str) -> str:
    if w.isdigit():
        return "d"
    if w[0].isupper():
        return "X" if w.isupper() and len(w) > 1 else "Xx"
    if w[0].isalpha():
        return "x"
    if w[0].isdigit():
        return "dx"
    return "p"


@dataclass(slots=True)
class Sequence_:
    """One paragraph: its tokens' spans and the sentence index of each token."""

    spans: list[tuple[int, int]]
    sent: list[int]
    feats: list[list[str]] = field(default_factory=list)


def sequences(text: str, sentences: Sequence[Sentence], rule_spans, prior: dict[str, str] | None = None) -> list[Sequence_]:
    """Paragraph token sequences with features.

    `rule_spans`: (cue, source or None, [content spans]) of the rules' outer attributions.
    """
    cue_words, titles = _lexicons()
    prior = cue_prior() if prior is None else prior
    # char-level role marks of the rules, as sorted span lists
    marks: list[tuple[int, int, str]] = []
    patterns: dict[int, str] = {}  # cue start -> the rule's pattern
    for cue, src, content, *pattern in rule_spans:
        for a, b in content:
            marks.append((a, b, "T"))
        if src:
            marks.append((src[0], src[1], "S"))
        marks.append((cue[0], cue[1], "C"))
        if pattern:
            patterns[cue[0]] = pattern[0]
    quotes = quotation_spans(text)
    q_starts = [s for s, _ in quotes]
    seqs: list[Sequence_] = []
    cur = None
    last_para = None
    for si, s in enumerate(sentences):
        if s.paragraph_idx != last_para or cur is None:
            cur = Sequence_([], [])
            seqs.append(cur)
            last_para = s.paragraph_idx
        for m in TOKEN.finditer(text, s.start, s.end):
            cur.spans.append((m.start(), m.end()))
            cur.sent.append(si)
    # each mark goes to the paragraphs it overlaps, in the marks' order
    bounds = [(seq.spans[0][0], seq.spans[-1][1]) for seq in seqs if seq.spans]
    firsts = [p0 for p0, _ in bounds]
    para_marks: list[list[tuple[int, int, str]]] = [[] for _ in bounds]
    for a, b, role in marks:
        p = max(bisect_right(firsts, a) - 1, 0)
        while p < len(bounds) and bounds[p][0] < b:
            if bounds[p][1] > a:
                para_marks[p].append((a, b, role))
            p += 1
    for seq, own_marks in zip((seq for seq in seqs if seq.spans), para_marks):
        n = len(seq.spans)
        base_w = []
        rtag = ["O"] * n
        # rules' tags: one pass per mark over the paragraph's tokens
        starts = [a for a, _ in seq.spans]
        for a, b, role in own_marks:
            i = bisect_right(starts, a - 1)
            first = True
            while i < n and seq.spans[i][0] < b:
                if role == "C" or rtag[i] == "O" or role == "S":
                    rtag[i] = ("B-" if first else "I-") + role
                first = False
                i += 1
        # per sentence: whether the rules found a cue in it
        rule_sent = {seq.sent[i] for i in range(n) if rtag[i] == "B-C"}
        # tokens up to 4 ahead: `that`, an opening quote, a colon (a complement follows)
        ahead = [""] * n
        for i in range(n):
            for j in range(i + 1, min(n, i + 5)):
                t = text[seq.spans[j][0]:seq.spans[j][1]]
                if t in ("that", "“", '"', ":", "to"):
                    ahead[i] = t
                    break
        feats = []
        for i, (a, b) in enumerate(seq.spans):
            w = text[a:b]
            low = w.lower()
            base_w.append(low)
            j = bisect_right(q_starts, a) - 1
            inq = j >= 0 and quotes[j][0] < a < quotes[j][1] - 1
            f = [
                "w=" + low,
                "s3=" + low[-3:],
                "sh=" + _shape(w),
                "r=" + rtag[i],
                "q=" + ("1" if inq else "0"),
            ]
            stem = _STEM.sub("", low) if len(low) > 5 else low
            f.append("st=" + stem)
            if rtag[i] == "B-C" and a in patterns:
                f.append("rp=" + patterns[a])
            if ahead[i]:
                f.append("ah=" + ahead[i])
            if seq.sent[i] in rule_sent:
                f.append("rsent")
            if low in cue_words:
                f.append("lex")
            p = prior.get(low)
            if p:
                f.append("cp=" + p)
            if low in titles:
                f.append("title")
            if i == 0 or seq.sent[i - 1] != seq.sent[i]:
                f.append("sstart")
            if i == n - 1 or seq.sent[i + 1] != seq.sent[i]:
                f.append("send")
            if b < len(text) and text[b] == "\n" or i == n - 1:
                f.append("pend")
            feats.append(f)
        for i in range(n):
            f = feats[i]
            extra = []
            for d in (-2, -1, 1, 2):
                j = i + d
                if 0 <= j < n:
                    extra.append(f"w{d}={base_w[j]}")
                    extra.append(f"r{d}={rtag[j]}")
                    if base_w[j] in cue_words and d in (-1, 1):
                        extra.append(f"lex{d}")
                else:
                    extra.append(f"w{d}=<>")
            extra.append(f"rw={rtag[i]}|{base_w[i]}")
            if i > 0:
                extra.append(f"w-1w={base_w[i - 1]}|{base_w[i]}")
            if i + 1 < n:
                extra.append(f"ww+1={base_w[i]}|{base_w[i + 1]}")
            f.extend(extra)
        seq.feats = feats
    return seqs


def bio_spans(tags: Sequence[str], spans: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """(role, first token, last token + 1) of each tagged span."""
    out: list[tuple[str, int, int]] = []
    cur_role, start = None, 0
    for i, t in enumerate(tags):
        role = t[2:] if t != "O" else None
        if role is None or t[0] == "B" or role != cur_role:
            if cur_role is not None:
                out.append((cur_role, start, i))
            cur_role, start = role, i
    if cur_role is not None:
        out.append((cur_role, start, len(tags)))
    return out


@dataclass(slots=True)
class Tagged:
    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: list[tuple[int, int]]
    sentence_idx: int
    confidence: float = 1.0  # the tagger's mean marginal of the cue's tags


def group(seq: Sequence_, tags: Sequence[str], tagger=None) -> list[Tagged]:
    """Attach each tagged source and content span to the nearest cue.

    Nearest: fewest tokens between them, a cue of the span's sentence first (a source takes
    only such a cue); ties go to the earlier cue.  Only the cues of the span's sentences and
    the nearest other cue on each side can win, so the work is linear in the paragraph.
    """
    found = bio_spans(tags, seq.spans)
    cues = [(a, b) for r, a, b in found if r == "C"]
    if not cues:
        return []
    cue_starts = [a for a, _ in cues]
    by_first: dict[int, list[int]] = {}  # sentence -> cues that open in it
    by_last: dict[int, list[int]] = {}  # sentence -> cues that close in it
    for k, (ca, cb) in enumerate(cues):
        by_first.setdefault(seq.sent[ca], []).append(k)
        by_last.setdefault(seq.sent[cb - 1], []).append(k)
    sources: dict[int, list[tuple[int, int, int]]] = {}
    contents: dict[int, list[tuple[int, int]]] = {}
    for role, a, b in found:
        if role == "C":
            continue
        same_sentence = set(by_first.get(seq.sent[a], ())) | set(by_last.get(seq.sent[b - 1], ()))
        near = set(same_sentence)
        if role != "S":
            k = bisect_left(cue_starts, a) - 1
            while k >= 0 and k in same_sentence:
                k -= 1
            if k >= 0:
                near.add(k)
            k = bisect_left(cue_starts, a)
            while k < len(cues) and k in same_sentence:
                k += 1
            if k < len(cues):
                near.add(k)
        best, best_d = None, None
        for k in sorted(near):
            ca, cb = cues[k]
            same = k in same_sentence
            d = (ca - b if b <= ca else a - cb if a >= cb else 0) + (0 if same else 10000)
            if best_d is None or d < best_d:
                best, best_d = k, d
        if best is None:
            continue
        if role == "S":
            sources.setdefault(best, []).append((best_d, a, b))
        else:
            contents.setdefault(best, []).append((a, b))
    out = []
    for k, (ca, cb) in enumerate(cues):
        cont = contents.get(k, [])
        if not cont and not KEEP_EMPTY:
            continue
        src = min(sources[k]) if k in sources else None
        sp = seq.spans
        conf = sum(tagger.marginal(tags[i], i) for i in range(ca, cb)) / (cb - ca) if tagger is not None else 1.0
        out.append(Tagged(
            (sp[ca][0], sp[cb - 1][1]),
            (sp[src[1]][0], sp[src[2] - 1][1]) if src else None,
            [(sp[a][0], sp[b - 1][1]) for a, b in sorted(cont)],  # may be empty: the rules look for it
            seq.sent[ca],
            conf,
        ))
    return out


def tag_document(text: str, sentences: Sequence[Sentence], rule_spans) -> list[Tagged] | None:
    tagger = load_tagger()
    if tagger is None:
        return None
    out: list[Tagged] = []
    for seq in sequences(text, sentences, rule_spans):
        if not seq.spans:
            continue
        tags = tagger.tag(seq.feats)
        out.extend(group(seq, tags, tagger))
    return out
