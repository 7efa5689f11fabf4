"""Who a speaker span names: type, canonical name within the document, role."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import words

PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you", "who", "which", "that"})
_NAME_TOKEN = re.compile(r"[A-Z][\w'’.-]*$")
# Proper names of people written in the text: two or three capitalized words.
_CAPITALIZED_RUN = re.compile(r"\b[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)+")
_PERSON_NAME = re.compile(r"[A-Z][a-z]+(?:\s[A-Z]\.)?(?:\s[A-Z][a-z'’-]+){1,2}")
# Adjectives in a description that point to the same place as a role word.
_PLACE_ALIASES = {
    "kremlin": ("russian", "russia", "kremlin"),
    "russian": ("russian", "russia", "kremlin"),
    "u.s.": ("u.s.", "american", "us"),
    "american": ("u.s.", "american", "us"),
    "ukrainian": ("ukrainian", "ukraine"),
}
# `the Office for Students`, `the Millbrook Chamber of Commerce`: a body named by its head word
_ORG_OF = re.compile(
    r"\b(?:Office|Ministry|Department|Chamber|Council|Committee|Commission|Agency|Bureau|Board|Institute|Association|Federation|Union|Society|League|Center|Centre)"
    r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z]"
)
_LINKS = frozenset("of for by in at from on with to about".split())
_MONTHS_AND_DAYS = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
_LEADER_WORDS = ("president", "prime minister", "chancellor", "leader", "king")


@dataclass(slots=True)
class Speaker:
    name: str
    type: str
    role: str | None = None


@dataclass(slots=True)
class DocumentSpeakers:
    """Named people of one document, for resolving short forms and pronouns."""

    text: str
    people: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # surname -> (full, role)
    last_person: str | None = None

    def __post_init__(self) -> None:
        titles = words("speaker_titles.txt")
        for m in _CAPITALIZED_RUN.finditer(self.text):
            tokens = m.group().split()
            i = 0
            for j, t in enumerate(tokens):
                if t.lower() in titles:
                    i = j + 1
            name = " ".join(tokens[i:])
            if not (2 <= len(tokens) - i <= 3) or not _PERSON_NAME.fullmatch(name):
                continue
            surname = tokens[-1]
            if surname not in self.people:
                offset = m.start() + m.group().find(tokens[i])
                self.people[surname] = (name, _role_before(self.text, offset))

    def resolve(self, written: str) -> Speaker:
        """Type, canonical name and role of a speaker written as `written`."""
        s = written.strip()
        low = s.lower()
        bare = re.sub(r"^(?:the|a|an)\s+", "", low)
        if low in PRONOUNS:
            if low in ("he", "she") and self.last_person:
                return Speaker(self.last_person, "person")
            return Speaker(s, "person" if low in ("i", "you") else "organization" if low == "it" else "person")
        if re.search(r"\s(?:and|&)\s", s) and not re.match(r"(?i)the\s", s):
            return Speaker(s, "person")  # `Putin and Trump`: two people, kept as written
        orgs = words("organizations.txt")
        tokens = s.split()
        last = re.sub(r"[’']s$", "", tokens[-1].lower())
        if bare in orgs:
            return Speaker(s, "organization")
        if last in words("document_sources.txt"):
            return Speaker(s, "document")
        common = words("anonymous_sources.txt") | words("document_sources.txt") | {"the", "a", "an"}
        has_name = any(_NAME_TOKEN.match(t) and t.lower() not in common for t in tokens)
        if last in words("anonymous_sources.txt") and not has_name:
            return Speaker(s, "anonymous")
        if "*" + last in orgs or _ORG_OF.search(s):
            return Speaker(s, "organization")
        parts = [p.strip() for p in s.strip(", ").split(",") if p.strip()]
        if len(parts) == 2:
            # `The author of the book, Mitchell Zuckoff,` / `Peter Cook, Carter’s press secretary`
            for i, part in enumerate(parts):
                if _PERSON_NAME.fullmatch(part):
                    full, _ = self._full(part)
                    return Speaker(full, "person", parts[1 - i])
        role, name = split_role(s)
        described = self._described(low)
        if described:
            return Speaker(described, "person")
        if name:
            return Speaker(self._full(name)[0], "person", role)
        return Speaker(s, "person")

    def note(self, speaker: Speaker) -> None:
        """Remember the last named person who spoke: `he` / `she` after it is that person."""
        if speaker.type == "person" and speaker.name.lower() not in PRONOUNS and " and " not in speaker.name:
            self.last_person = speaker.name

    def _full(self, name: str) -> tuple[str, str | None]:
        tokens = name.split()
        known = self.people.get(tokens[-1])
        if known and (len(tokens) == 1 or known[0].endswith(name)):
            return known
        return name, None

    @staticmethod
    def _fits(role: str | None, heads, places) -> bool:
        words_ = (role or "").lower().split()
        return bool(words_) and (not heads or any(h in " ".join(words_) for h in heads)) and (
            not places or any(p in words_ for p in places)
        )

    def _described(self, low: str) -> str | None:
        """`the U.S. leader` -> a person of the document whose role fits."""
        m = re.match(r"^the\s+(?:(\S+)\s+)?(leader|president|spokesman|spokeswoman|prime minister|senator|governor|secretary)$", low)
        if not m:
            return None
        place, head = m.group(1), m.group(2)
        heads = _LEADER_WORDS if head == "leader" else (head,)
        places = _PLACE_ALIASES.get(place or "", (place,) if place else ())
        found = [full for full, role in self.people.values() if self._fits(role, heads, places)]
        if not found and places:
            # `the Kremlin spokesman` -> `Putin spokesman Dmitry Peskov`: the role names a principal who fits
            for full, role in self.people.values():
                principals = (self.people.get(w) for w in (role or "").split() if w[:1].isupper())
                if self._fits(role, heads, ()) and any(p and self._fits(p[1], (), places) for p in principals):
                    found.append(full)
        found = list(dict.fromkeys(found))
        return found[0] if len(found) == 1 else None


def _role_before(text: str, pos: int) -> str | None:
    """The title words written right before a name at `pos` (`U.S. President`)."""
    head = text[max(0, pos - 60):pos]
    tokens = head.split()
    titles = words("speaker_titles.txt")
    role: list[str] = []
    for t in reversed(tokens):
        if t.lower() in titles or (role and re.fullmatch(r"[A-Z][\w.’'-]*", t) and t.lower() not in ("the", "a")):
            role.append(t)
        else:
            break
    while role and role[-1].lower() in ("his", "her", "their", "of", "the"):
        role.pop()
    if not role or not any(w.lower() in titles for w in role):
        return None
    return " ".join(reversed(role))


def split_role(written: str) -> tuple[str | None, str | None]:
    """(`U.S. President`, `Donald Trump`) of `U.S. President Donald Trump`.

    The name is the trailing run of capitalized words that are not title words;
    the role is what comes before it.  (None, None) when there is no name.
    """
    s = re.sub(r",.*$", "", written.strip())
    tokens = s.split()
    titles = words("speaker_titles.txt")
    i = len(tokens)
    while i > 0 and _NAME_TOKEN.match(tokens[i - 1]) and tokens[i - 1].lower() not in titles:
        i -= 1
    name_tokens = tokens[i:]
    if not name_tokens or any(t.endswith(("’s", "'s")) for t in name_tokens):
        return None, None
    if name_tokens[0] in ("Mr.", "Mrs.", "Ms.", "Dr."):
        name_tokens = name_tokens[1:]
    role = " ".join(tokens[:i]) or None
    if role and role.lower() in ("the", "a", "an"):
        return None, None
    if role and tokens[i - 1] in _LINKS:
        return None, None  # `A spokesperson for Dana Whitfield`, `a document obtained by Fox News`: not the person named
    if name_tokens[-1] in _MONTHS_AND_DAYS:
        return None, None  # `A poll by ... in February`
    if role and not any(t.lower().strip(",") in titles for t in tokens[:i]) and any(t in _LINKS for t in tokens[:i]):
        return None, None  # `the Office for Students`: a name of a body, not a role and a person
    return role, " ".join(name_tokens) if name_tokens else None
