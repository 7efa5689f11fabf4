"""Speakers across documents: one id for `Donald Trump`, `Trump`, `President Trump`, `the U.S. leader`.

`speakers` is a registry over the whole corpus.  Mentions are keyed by their
parsed name (first name, surname, suffix): full names meet on that key
(nicknames and spelling variants folded, titles dropped); a bare surname
joins the one full name with that surname in its document, else in its
story, else the corpus's dominant one (over half the mentions of full names
with that surname), else stays a speaker of its own in the story; a role
(`the U.S. president`) joins the one named speaker who carries that role in
the story, and a description none carries (`the president`, `lawmakers`) is
a speaker of its own within its document.  `Donald Trump Jr.` keeps its
suffix; `Bill` and `Hillary Clinton` keep their first names.  Organisations
(`the Kremlin`) are one speaker everywhere, documents (`the statement`) only
within their story.  Anonymous and author mentions, and pronouns no earlier
name resolved, get no id.  Keys are derived from the names alone, so an id is
the same in every run that links the same mentions.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from rapidfuzz import fuzz

from .names import PERSON_TITLES, TITLES, ParsedName, parse_name, role_key, tokens

UNNAMED = frozenset({"anonymous", "author"})
# written pronouns no earlier name resolved: no id, as the claim cannot say who they are
PRONOUNS = frozenset("he she they it i we you who whom which that this these those his her their its the a an".split())


@dataclass(frozen=True)
class SpeakerMention:
    """One claim's speaker as the attribution step left it."""

    doc_id: str
    claim_id: str
    name: str | None  # canonical-in-document name, e.g. "Donald Trump"
    speaker_text: str | None  # as written, e.g. "the U.S. leader"
    speaker_role: str | None
    speaker_type: str
    story_id: str | None = None


@dataclass
class Speaker:
    """A row of `speakers`."""

    speaker_id: str
    name: str
    aliases: list[str]
    roles: list[str]
    speaker_type: str


def _person_surnames(mentions: Sequence[SpeakerMention]) -> set[tuple[str | None, str]]:
    """(story, surname) of every person named in a story, `Mr. Fox` included whatever its type."""
    out = set()
    for m in mentions:
        if m.name and (m.speaker_type == "person" or _has_person_title(m.name)):
            p = parse_name(m.name)
            if p:
                out.add((m.story_id, p.last))
    return out


def _has_person_title(name: str) -> bool:
    words = name.split()
    return bool(words) and words[0].strip(".").lower() in PERSON_TITLES


def _is_person(m: SpeakerMention, person_surnames: set[tuple[str | None, str]]) -> bool:
    """`Mr. Fox`, or `Fox` where the story names a person Fox, though typed an organisation."""
    name = m.name or m.speaker_text or ""
    words = name.split()
    if _has_person_title(name):
        return True
    return len(words) == 1 and (m.story_id, words[0].strip(".").lower()) in person_surnames


def _looks_like_role(mention: SpeakerMention) -> bool:
    """`the U.S. leader` left unresolved; not `Mike Pence`, whom the text wrote as `the governor`."""
    text = (mention.name or mention.speaker_text or "").strip()
    return bool(text) and text.split()[0].lower() in {"the", "a", "an"} and mention.speaker_type == "person"


def _described(mention: SpeakerMention) -> bool:
    """A person or body described, not named, and no pronoun: `the president`, `lawmakers`, `Federal law`."""
    text = (mention.name or mention.speaker_text or "").strip(" ,")
    return bool(tokens(text)) and text.lower() not in PRONOUNS


def _same_surname(a: str, b: str) -> bool:
    """Spelling variants of one surname: Zelensky / Zelenskyy, Gadhafi / Qaddafi is beyond this."""
    return a == b or (a[:4] == b[:4] and min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 85)


# One kind of document written two ways: `the advertisement` in one outlet is `the ad` in another
_DOCUMENT_SYNONYMS = {"advertisement": "ad", "commercial": "ad", "e-mail": "email", "memorandum": "memo", "lawsuit": "suit"}


def _speaker_id(key: str) -> str:
    return "sp_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def link_speakers(mentions: Sequence[SpeakerMention]) -> tuple[list[Speaker], dict[str, str | None]]:
    """Rows of `speakers`, and claim_id -> speaker_id (None for anonymous, author and unnamed)."""
    key_of: dict[int, str | None] = {}
    parsed: dict[int, ParsedName] = {}
    # Pass 1: organisations, documents and full person names get their keys directly.
    full_by_last: dict[str, set[str]] = defaultdict(set)
    full_in_story: dict[tuple[str | None, str], set[str]] = defaultdict(set)
    person_surnames = _person_surnames(mentions)
    for i, m in enumerate(mentions):
        if m.speaker_type in UNNAMED or not (m.name or m.speaker_text):
            key_of[i] = None
            continue
        if m.speaker_type in {"organization", "document"} and not _is_person(m, person_surnames):
            words = [_DOCUMENT_SYNONYMS.get(t, t) for t in tokens(m.name or m.speaker_text or "") if t not in ("the", "a", "an")]
            # `the Kremlin` is one body everywhere; `the statement` or `a letter` is one only within its story
            scope = f"{m.story_id}|" if m.speaker_type == "document" else ""
            key_of[i] = f"{m.speaker_type}:{scope}{' '.join(words)}" if words else None
            continue
        p = parse_name(m.name or m.speaker_text or "")
        if p is None or _looks_like_role(m):
            key_of[i] = None
            continue
        parsed[i] = p
        if p.first:
            full_by_last[p.last].add(f"person:{p.first}|{p.last}|{p.suffix}")

    # Spelling variants of a surname fold onto the most frequent spelling, first name and suffix equal.
    canonical_last = _fold_surnames(full_by_last)
    for i, p in parsed.items():
        if p.first:
            last = canonical_last.get(p.last, p.last)
            key_of[i] = f"person:{p.first}|{last}|{p.suffix}"
            full_in_story[(mentions[i].story_id, last)].add(key_of[i])
    by_last: dict[str, set[str]] = defaultdict(set)
    for (_, last), keys in full_in_story.items():
        by_last[last] |= keys

    # Pass 2: a bare surname joins the one full name with it in its document, else in its story,
    # else the corpus's dominant one (over half the mentions of full names with that surname).
    full_in_doc: dict[tuple[str, str], set[str]] = defaultdict(set)
    mentions_of: Counter = Counter()
    for i, p in parsed.items():
        if p.first:
            full_in_doc[(mentions[i].doc_id, key_of[i].split("|")[1])].add(key_of[i])
            mentions_of[key_of[i]] += 1
    for i, p in parsed.items():
        if p.first:
            continue
        last = canonical_last.get(p.last, p.last)
        # "Trump" alone means the one without a suffix: the press writes "Trump Jr." for the son.
        fits = lambda keys: {k for k in keys if k.endswith("|" + p.suffix)}  # noqa: E731
        doc = fits(full_in_doc.get((mentions[i].doc_id, last), ()))
        story = fits(full_in_story.get((mentions[i].story_id, last), ()))
        corpus = fits(by_last.get(last, ()))
        dominant = max(sorted(corpus), key=lambda k: mentions_of[k], default=None)
        if len(doc) == 1:
            key_of[i] = next(iter(doc))
        elif not doc and len(story) == 1:
            key_of[i] = next(iter(story))
        elif not doc and not story and dominant and 2 * mentions_of[dominant] > sum(mentions_of[k] for k in corpus):
            key_of[i] = dominant
        else:
            key_of[i] = f"surname:{mentions[i].story_id}|{last}|{p.suffix}"

    # Pass 3: roles join the one named speaker carrying that role in the story; a description
    # none carries (`the president`, `lawmakers`) is a speaker of its own within its document.
    role_owner: dict[tuple[str | None, str], set[str]] = defaultdict(set)
    for i, m in enumerate(mentions):
        rk = role_key(m.speaker_role)
        if key_of.get(i) and rk and not _looks_like_role(m):
            role_owner[(m.story_id, rk)].add(key_of[i])
    for i, m in enumerate(mentions):
        if key_of.get(i) is None and m.speaker_type not in UNNAMED:
            owners = role_owner.get((m.story_id, role_key(m.speaker_text) or ""), set()) if _looks_like_role(m) else set()
            if len(owners) == 1:
                key_of[i] = next(iter(owners))
            elif _described(m):
                key_of[i] = f"described:{m.doc_id}|{' '.join(tokens(m.name or m.speaker_text or ''))}"

    return _rows(mentions, key_of)


def _fold_surnames(full_by_last: dict[str, set[str]]) -> dict[str, str]:
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for last in full_by_last:
        by_prefix[last[:4]].append(last)
    out = {}
    for group in by_prefix.values():
        ranked = sorted(group, key=lambda s: (-len(full_by_last[s]), s))
        for last in ranked:
            firsts = {k.split("|")[0] for k in full_by_last[last]}
            for target in ranked:
                if target == last:
                    break
                if _same_surname(last, target) and firsts & {k.split("|")[0] for k in full_by_last[target]}:
                    out[last] = out.get(target, target)
                    break
    return out


def _rows(mentions: Sequence[SpeakerMention], key_of: dict[int, str | None]):
    names: dict[str, Counter] = defaultdict(Counter)
    aliases: dict[str, set[str]] = defaultdict(set)
    roles: dict[str, set[str]] = defaultdict(set)
    types: dict[str, Counter] = defaultdict(Counter)
    mapping: dict[str, str | None] = {}
    for i, m in enumerate(mentions):
        key = key_of.get(i)
        mapping[m.claim_id] = _speaker_id(key) if key else None
        if not key:
            continue
        if m.name:
            # Prefer the longest full form as the display name: "Donald Trump" over "Trump".
            names[key][m.name] += 1
            aliases[key].add(m.name)
        if m.speaker_text:
            aliases[key].add(m.speaker_text.strip())
        if m.speaker_role:
            roles[key].add(m.speaker_role.strip())
        types[key][m.speaker_type] += 1
    speakers = []
    for key in sorted(types):
        counts = names[key]
        # Prefer a full name without a title ("Ray Kessler" over "Councilman Ray Kessler", "Trump").
        name = max(counts, key=lambda n: (len(n.split()) >= 2, n.split()[0].strip(".").lower() not in TITLES,
                                          counts[n], len(n), n)) if counts else key
        speakers.append(Speaker(_speaker_id(key), name, sorted(aliases[key] - {name}), sorted(roles[key]),
                                types[key].most_common(1)[0][0]))
    return speakers, mapping
