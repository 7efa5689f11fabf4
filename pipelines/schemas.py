"""Explicit Arrow schemas of every table in the contract (CONTRACT.md, "Tables")."""

from __future__ import annotations

import pyarrow as pa

TIMESTAMP = pa.timestamp("us", tz="UTC")
SPAN_LIST = pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64())]))

DOCUMENTS = pa.schema([
    ("doc_id", pa.string()),
    ("external_id", pa.string()),
    ("source", pa.string()),
    ("uri", pa.string()),
    ("title", pa.string()),
    ("dateline", pa.string()),
    ("published_at", TIMESTAMP),
    ("ingested_at", TIMESTAMP),
    ("text", pa.large_string()),
    ("n_chars", pa.int64()),
    ("url", pa.string()),
    ("language", pa.string()),  # ISO 639-1 code (`en`, `de`, ...), null when too little text to tell
])

SENTENCES = pa.schema([
    ("doc_id", pa.string()),
    ("sentence_idx", pa.int32()),
    ("paragraph_idx", pa.int32()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("text", pa.string()),
    ("kind", pa.string()),
    ("checkworthy", pa.float32()),  # calibrated probability of a check-worthy factual claim
])

CLAIMS = pa.schema([
    ("claim_id", pa.string()),
    ("doc_id", pa.string()),
    ("sentence_idx", pa.int32()),
    ("attribution_type", pa.string()),
    ("speaker_text", pa.string()),
    ("speaker_start", pa.int64()),
    ("speaker_end", pa.int64()),
    ("speaker", pa.string()),
    ("speaker_type", pa.string()),
    ("speaker_role", pa.string()),
    ("cue_text", pa.string()),
    ("cue_start", pa.int64()),
    ("cue_end", pa.int64()),
    ("cue_lemma", pa.string()),
    ("channel", pa.string()),
    ("content_text", pa.string()),
    ("content_start", pa.int64()),
    ("content_end", pa.int64()),
    ("content_spans", SPAN_LIST),
    ("parent_claim_id", pa.string()),
    ("hedges", pa.list_(pa.string())),
    ("certainty", pa.string()),  # certain | probable | possible | unknown
    ("polarity", pa.string()),  # positive | negative
    ("checkworthy", pa.float32()),
    ("extractor", pa.string()),
    ("speaker_id", pa.string()),  # key into speakers; set by the cross-document linking step
])

REJECTS = pa.schema([
    ("uri", pa.string()),
    ("reason", pa.string()),
    ("detail", pa.string()),
    ("n_bytes", pa.int64()),
    ("seen_at", TIMESTAMP),
])

INPUTS = pa.schema([
    ("uri", pa.string()),
    ("doc_id", pa.string()),
    ("status", pa.string()),  # ingested | duplicate | rejected
    ("seen_at", TIMESTAMP),
])

QUANTITIES = pa.schema([
    ("claim_id", pa.string()),
    ("doc_id", pa.string()),
    ("text", pa.string()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("value", pa.float64()),
    ("unit", pa.string()),
    ("kind", pa.string()),  # duration | money | count | percent | date | ...
    ("approximation", pa.string()),  # almost, about, more than, ... or null
    ("lower", pa.float64()),  # bounds of a range ("300 to 400", "millions of")
    ("upper", pa.float64()),
])

STORIES = pa.schema([
    ("story_id", pa.string()),
    ("doc_id", pa.string()),
])

SPEAKERS = pa.schema([
    ("speaker_id", pa.string()),
    ("name", pa.string()),
    ("aliases", pa.list_(pa.string())),
    ("roles", pa.list_(pa.string())),
    ("speaker_type", pa.string()),
])

CLAIM_LINKS = pa.schema([
    ("claim_id_a", pa.string()),
    ("claim_id_b", pa.string()),
    ("relation", pa.string()),  # same_quote | quote_variant | paraphrase | conflict | wire_copy
    ("score", pa.float64()),
    ("detail", pa.string()),
])

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "sentences": SENTENCES,
    "claims": CLAIMS,
    "rejects": REJECTS,
    "inputs": INPUTS,
    "quantities": QUANTITIES,
    "stories": STORIES,
    "speakers": SPEAKERS,
    "claim_links": CLAIM_LINKS,
}
