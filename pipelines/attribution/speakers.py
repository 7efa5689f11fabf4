"""Who a speaker span names: type, canonical name within the document, role."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .lexicon import first_names, words
from .names import CLOSED_CLASS, function_words, name_words

PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you", "who", "which", "that"})
_NAME_TOKEN = re.compile(r"[A-Z][\w'’.-]*$")
# Proper names of people written in the text: two or three capitalized words.
_CAPITALIZED_RUN = re.compile(r"\b[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)+")
_PERSON_NAME = re.compile(r"[A-Z][^\W\d_]+(?:\s[A-Z]\.)?(?:\s[A-Z](?:[^\W\d_]|['’-](?=[^\W\d_]))+){1,2}")
# Adjectives in a description that point to the same place as a role word.
_PLACE_ALIASES = {
    "kremlin": ("russian", "russia", "kremlin"),
    "russian": ("russian", "russia", "kremlin"),
    "u.s.": ("u.s.", "american", "us"),
    "american": ("u.s.", "american", "us"),
    "ukrainian": ("ukrainian", "ukraine"),
    "republican": ("republican", "gop", "r"),
    "gop": ("republican", "gop", "r"),
    "democratic": ("democratic", "democrat", "d"),
    "democrat": ("democratic", "democrat", "d"),
}
# Offices a named person holds: `the governor said` with no one described so is the latest speaker
_OFFICES = frozenset(
    "senator governor congressman congresswoman representative lawmaker mayor sheriff nominee candidate front-runner".split()
)
# `the Office for Students`, `the Millbrook Chamber of Commerce`: a body named by its head word
_ORG_OF = re.compile(
    r"\b(?:Office|Ministry|Department|Chamber|Council|Committee|Commission|Agency|Bureau|Board|Institute|Association|Federation|Union|Society|League|Center|Centre)"
    r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z]"
)
_LINKS = frozenset("of for by in at from on with to about".split())
_MINOR = frozenset("to of for by in at from on with about and or but the a an as is are was be his her their says said tells".split())
_MONTHS_AND_DAYS = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
_LEADER_WORDS = ("president", "prime minister", "chancellor", "leader", "king")
# A description as a speaker: `the [modifiers] head`, the head a role a named person can hold.
_DESCRIPTION = re.compile(
    r"^the\s+((?:[\w.'’-]+\s+){0,3}?)(leader|president|spokesman|spokeswoman|spokesperson|prime minister|senator|governor|"
    r"secretary|congressman|congresswoman|lawmaker|representative|mayor|sheriff|nominee|candidate|front-runner|"
    r"chairman|chairwoman|justice|judge|attorney general|general|ambassador|minister|speaker|aide|adviser|advisor|"
    r"businessman|billionaire|actor|singer|pope|official|former president|first lady)$"
)
_HEAD_ALIASES = {
    "governor": ("governor", "gov."),
    "senator": ("senator", "sen."),
    "congressman": ("congressman", "rep.", "representative", "congresswoman"),
    "congresswoman": ("congresswoman", "rep.", "representative", "congressman"),
    "representative": ("representative", "rep.", "congressman", "congresswoman"),
    "lawmaker": ("lawmaker", "senator", "sen.", "rep.", "representative", "congressman", "congresswoman"),
    "spokesperson": ("spokesperson", "spokesman", "spokeswoman"),
    "adviser": ("adviser", "advisor"),
    "advisor": ("adviser", "advisor"),
    "front-runner": ("front-runner", "frontrunner"),
}
# Title words of an office: a speaker described with one is not `the nominee` by default
_OFFICE_WORDS = frozenset("president senator sen. governor gov. congressman congresswoman rep. representative mayor secretary minister chancellor judge justice".split())
# Words of a description that do not narrow it down (`the presumptive nominee`, `the former governor`)
_PLAIN_MODIFIERS = frozenset(
    "former then current new longtime veteran outgoing incoming embattled presumptive likely top chief senior "
    "deputy acting interim two-term first-term 2016 2012 2008 presidential vice".split()
)
_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+([^,.;:()“”\"]{3,80}?)(?=[,.;:)]|\s+(?:said|says|told|who)\b)")
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'’-]+)")
_FEMININE = re.compile(
    r"\b(?:(?:spokes|chair|congress|council|assembly|business|alder|select|sales|news|police|anchor)woman|"
    r"first lady|queen|princess|mrs\.|ms\.|sister|mother|wife|daughter|actress|widow|grandmother)(?!\w)")
_MASCULINE = re.compile(
    r"\b(?:(?:spokes|chair|congress|council|assembly|business|alder|select|sales|news|police|anchor)man|"
    r"king|prince|mr\.|brother|father|husband|son|actor|widower|grandfather)(?!\w)")
_OPENING_NAME = re.compile(r"\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)\s+(?:later\s+|also\s+|then\s+)?[a-z]+ed\b")
_DOCUMENT_HEAD = re.compile(
    r"(?:the|a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?(?:document|poll|survey|report|study|memo|letter|statement|analysis|filing|ad)"
    r"\s+(?:obtained|released|published|issued|seen|reviewed|sent|filed|written|signed|posted|conducted|commissioned)\b"
)
_FAMILIAR = re.compile(r"(?i)(?:people|sources?|officials?|a person|someone|one person|those)\s+(?:familiar|close|briefed|with knowledge|knowledgeable|involved)\b")
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
_RELATIVE = re.compile(r"(?:,\s*|\s+)(?:who|which|whose)\b.*$", re.S)
# A source span that is no name at all: an age, or a description in apposition to a name before it
_NOT_A_NAME = re.compile(r"^(?:\d{1,3}|(?:a|an)\s+[a-z][^,]*|(?:a|an|the)\s+[a-z][^,]*\swho)$")
_NAMEISH = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|der|del|la|le|bin|al|ibn))*")


def _gender_of_role(description: str) -> str | None:
    if _FEMININE.search(description):
        return "f"
    if _MASCULINE.search(description):
        return "m"
    return None


def _name_before(text: str, start: int) -> str | None:
    """`Elizabeth Lauten` in `Elizabeth Lauten, 31,`, `said Bloomberg, who` or `Ms. Lauten — a former aide who`:
    a name closed by a comma or a dash right before `start`; else a definite noun phrase (`the union, which`)."""
    m = re.search(r"([A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|of|for|the)){0,5})(?:,|\s+[—–])\s*$", text[max(0, start - 80):start])
    if not m:
        body = re.search(r"\b((?i:the)\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+),\s*$", text[max(0, start - 80):start])
        if body:
            return body.group(1)  # `according to the union, which said`
        return _restricted_before(text[max(0, start - 80):start])
    written = re.sub(r"^(?:The|A|An)\s+", "the ", m.group(1)) if re.search(r"\s(?:and|of|for|the)\s", m.group(1)) else m.group(1)
    if written != m.group(1) or re.search(r"\s(?:and|of|for)\s", written):
        return written  # `the University and College Union, which said`: a body's name as written
    role, name = split_role(written)
    return written if name and role is None else name


_NOT_IN_NP = frozenset("of from by for to with in on at about against among and or but than is are was were has have had "
                       "been be said says told that this there".split())


def _restricted_before(before: str) -> str | None:
    """`Republicans` of `criticism from Republicans who accused`, `Justice Antonin Scalia` of `... Scalia who said`:
    the noun phrase right before a `who` with no comma, back to a preposition, a verb or a clause mark."""
    tokens = re.findall(r"[\w.’'-]+|[^\w\s]", before)
    phrase: list[str] = []
    for t in reversed(tokens[-5:]):
        if t.lower() in _NOT_IN_NP or t.lower() in CLOSED_CLASS or not re.match(r"\w", t) or re.fullmatch(r"[a-z]+ing", t):
            break
        phrase.insert(0, t)
    return " ".join(phrase) if phrase and phrase[-1].lower() not in PRONOUNS else None


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
    # every description the text gives a person: title words before the name, an appositive after it
    described_as: dict[str, list[str]] = field(default_factory=dict)  # full name -> lower-cased descriptions
    gender: dict[str, str] = field(default_factory=dict)  # full name -> "m" | "f", where the text tells
    recent: list[str] = field(default_factory=list)  # named people who spoke, the latest last
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name) of each written name
    namesakes: dict[str, list[str]] = field(default_factory=dict)  # surname -> every full name with it, first seen first
    documents: dict[str, Speaker] = field(default_factory=dict)  # `statement` -> who issued the latest one
    newlines: list[int] = field(default_factory=list)  # offset of every line break, ascending
    written: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name) of each full name, namesakes too
    groups: list[tuple[int, Speaker]] = field(default_factory=list)  # (offset, speaker) of organisations and groups that spoke
    spoke: list[tuple[int, str]] = field(default_factory=list)  # (offset, name) of each named person's attribution

    def __post_init__(self) -> None:
        self.newlines = [m.start() for m in re.finditer("\n", self.text)]
        titles = words("speaker_titles.txt")
        for m in _CAPITALIZED_RUN.finditer(self.text):
            if self.text[m.start() - 1:m.start()] in ("“", '"') and self.text[m.end():m.end() + 1] in ("”", '"'):
                continue  # `on MSNBC's “Andrea Mitchell Reports.”`: the title of a show or a book
            tokens = m.group().split()
            if len(tokens[-1]) > 2 and tokens[-1].endswith("."):
                tokens[-1] = tokens[-1][:-1]  # `..., Barack Obama.`: the sentence's period
            tokens[-1] = re.sub(r"(?<=\w)[’']s?$", "", tokens[-1])  # `Barack Obama's` clarification
            a, b = name_words(tokens, titles)  # `Despite Trump`, `Indicting Roger Stone` of a title-case headline
            if b - a < 2:
                continue
            run_start = m.start() + sum(len(t) for t in m.group().split()[:a]) + len(m.group()) - len(m.group().lstrip())
            run_start = self.text.find(tokens[a], run_start)
            tokens = tokens[a:b]
            i = 0
            for j, t in enumerate(tokens):
                if t.lower() in titles:
                    i = j + 1
            i += name_words(tokens[i:])[0]  # `Senator Endorsed Trump`: no verb after a title either
            name = " ".join(tokens[i:])
            if not (2 <= len(tokens) - i <= 3) or not _PERSON_NAME.fullmatch(name) or any(t.lower() in _MINOR for t in tokens[i + 1:]):
                continue  # `Mitt To Akin` of a title-case headline is no name
            surname = tokens[-1]
            offset = self.text.find(tokens[i], run_start)
            role = _role_before(self.text, offset)
            if surname not in self.people:
                self.people[surname] = (name, role)
            if name not in self.namesakes.setdefault(surname, []) and not any(n.endswith(name) for n in self.namesakes[surname]):
                self.namesakes[surname].append(name)
            if len(tokens) - i >= 2:
                self.written.append((offset, next(n for n in self.namesakes[surname] if n.endswith(name))))
            full = self.people[surname][0]
            if not full.endswith(name) and not name.endswith(full):
                continue
            self.mentions.append((offset, full))
            seen = self.described_as.setdefault(full, [])
            if role:
                seen.append(role.lower())
            appositive = _APPOSITIVE.match(self.text, m.end()) if b == len(m.group().split()) else None
            if appositive:
                seen.append(appositive.group(1).lower())
        given = first_names()
        for full in (n for names in self.namesakes.values() for n in names):
            if full.split()[0] in given:
                self.gender[full] = given[full.split()[0]]
        for m in _HONORIFIC.finditer(self.text):
            known = self.people.get(m.group(2))
            if known:
                self.gender.setdefault(known[0], "m" if m.group(1) == "Mr" else "f")
        for full, seen in self.described_as.items():
            for d in seen:
                g = _gender_of_role(d)
                if g:
                    self.gender.setdefault(full, g)

    def resolve(self, written: str, start: int | None = None) -> Speaker:
        """Type, canonical name and role of a speaker written as `written` (at `start` in the text, when known).

        With `start`, a relative pronoun (`said Bloomberg, who added`), an age or a
        description in apposition (`Elizabeth Lauten, 31,` / `Elizabeth Lauten, a
        former aide who ...`) resolves to the name written right before it.
        """
        s = re.sub(r"(?<=\w)[’']s?$", "", written.strip()) or written.strip()  # `Mr. Trump’s` criticism: Trump
        low = s.lower()
        if start is not None and (low in ("who", "which") or _NOT_A_NAME.match(s)):
            before = _name_before(self.text, start)
            if before:
                return self.resolve(before)
        s = _RELATIVE.sub("", _PARENTHESIS.sub("", s)).strip() or s  # `(D-Ill.)` alone stays as written
        s = re.sub(r"\s+,", ",", s)  # `Thomas J. Reese , one of the organizers`
        low = s.lower()
        bare = re.sub(r"^(?:the|a|an)\s+", "", low)
        if low in PRONOUNS:
            if low in ("he", "she"):
                gender = "m" if low == "he" else "f"
                person = self._latest(gender)
                if start is not None:
                    person = self._paragraph_subject(start, gender) or person
                if person is None and start is not None:
                    # no one of that gender has spoken yet: the latest person of that gender the text names
                    person = next((full for at, full in reversed(self.mentions)
                                   if at < start and self.gender.get(full) == gender), None)
                if person:
                    return Speaker(person, "person")
            if low in ("they", "it") and start is not None:
                group = self._group(start, plural=low == "they")
                if group:
                    return group
            return Speaker(s, "person" if low in ("i", "you") else "organization" if low == "it" else "person")
        if re.search(r"\s(?:and|&)\s", s) and not re.match(r"(?i)the\s", s):
            return Speaker(s, "person")  # `Putin and Trump`: two people, kept as written
        issued = re.fullmatch(r"the\s+(\w[\w-]*)", low)
        if issued and issued.group(1).replace("e-mail", "email") in self.documents:
            author = self.documents[issued.group(1).replace("e-mail", "email")]
            return Speaker(author.name, author.type, author.role)
        orgs = words("organizations.txt")
        first = s.split(",")[0].strip()
        if first != s.strip(", ") and _PERSON_NAME.fullmatch(split_role(first)[1] or ""):
            # `Thomas J. Reese, one of the organizers of the letter`: a person, whatever the appositive ends with
            role, name = split_role(first)
            rest = s.split(",", 1)[1].strip(" ,")
            return Speaker(self._full(name)[0], "person", ", ".join(filter(None, (role, rest))) or None)
        tokens = s.split()
        last = re.sub(r"[’']s$", "", tokens[-1].lower())
        if bare in orgs:
            return Speaker(s, "organization")
        if last in words("document_sources.txt") or _DOCUMENT_HEAD.match(low):
            return Speaker(s, "document")  # `the plan`, `a council briefing document obtained by Fox News`
        head = s.split(",")[0].strip().lower()
        if "," in s and (head in orgs or re.sub(r"^the\s+", "", head) in orgs):
            return Speaker(s.split(",")[0].strip(), "organization", s.split(",", 1)[1].strip(" ,") or None)  # `Tass, the state news agency`
        common = words("anonymous_sources.txt") | words("document_sources.txt") | {"the", "a", "an"}
        has_name = any(_NAME_TOKEN.match(t) and t.lower() not in common for t in tokens)
        # not `the Office for Students`, `United Auto Workers`; not `the two leaders` (people the text has named)
        unnamed = (len(tokens) == 1 or tokens[-1][:1].islower()) and not re.match(r"the\s+(?:two|three|four|both)\s", low)
        if last in words("anonymous_sources.txt") and unnamed and (not has_name or "," not in s.strip(", ")) or _FAMILIAR.match(s):
            return Speaker(s, "anonymous")  # `A White House official`, `people familiar with the talks`
        if "*" + last in orgs or _ORG_OF.search(s):
            return Speaker(s, "organization")
        parts = [p.strip() for p in s.strip(", ").split(",") if p.strip()]
        if len(parts) == 2:
            # `The author of the book, Mitchell Zuckoff,` / `Peter Cook, Carter’s press secretary`
            for i, part in enumerate(parts):
                if _PERSON_NAME.fullmatch(part):
                    title, bare_name = split_role(part)  # `Prof Helen Marsh, the vice-chancellor,`
                    full, _ = self._full(bare_name if bare_name and title else part)
                    return Speaker(full, "person", ", ".join(filter(None, (title, parts[1 - i]))))
        role, name = split_role(s)
        described = self._described(low)
        if described:
            return Speaker(described, "person")
        if name:
            honorific = _HONORIFIC.match(s)
            gender = None if honorific is None else "m" if honorific.group(1) == "Mr" else "f"
            full = self._full(name, gender, start)[0]
            if gender:
                self.gender.setdefault(full, gender)
            return Speaker(full, "person", role)
        return Speaker(s, "person")

    def note(self, speaker: Speaker, start: int | None = None) -> None:
        """Remember the named people who spoke: `he` / `she` after them is the latest one of that gender;
        and, with `start`, the organisations and groups that spoke, for `they` / `it`.

        Only a name counts (`Rick Perry`, `Calderón`): an unresolved description
        (`the Texas governor`, `The Hill`) or a pronoun is not remembered."""
        name = speaker.name
        if start is not None and name.lower() not in PRONOUNS and (
                speaker.type == "organization" or speaker.type == "person" and " and " in name):
            self.groups.append((start, speaker))
        if speaker.type != "person" or " and " in name or not _NAMEISH.fullmatch(name) or name.split()[0].lower() in ("the", "a", "an"):
            return
        if name.split()[-1].lower() in words("speaker_titles.txt"):
            return  # `Big-Name Senator` of a headline: a description, not a name
        if start is not None:
            self.spoke.append((start, name))
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)

    def _group(self, start: int, plural: bool) -> Speaker | None:
        """`they` / `it` at `start`: the organisation (or, for `they`, the group of people) that spoke last, when
        no named person spoke after it and it spoke in the same or the previous paragraph."""
        if not self.groups:
            return None
        at, group = self.groups[-1]
        if at >= start or self.text.count("\n\n", at, start) > 1 or self.text.count("\n", at, start) > 2:
            return None
        if any(at < offset < start for offset, _ in self.spoke):
            return None  # a person spoke since: `they` may be anyone
        if group.type == "organization" or plural and " and " in group.name:
            return group
        return None

    def note_document(self, noun: str, speaker: Speaker) -> None:
        """`Trump said in a statement`: a later `the statement` is Trump's (`e-mail` and `email` are one)."""
        self.documents[noun.lower().replace("e-mail", "email")] = speaker

    def _newline_before(self, pos: int) -> int:
        """The offset of the last line break before `pos`, -1 if none (`text.rfind("\\n", 0, pos)`)."""
        i = bisect_left(self.newlines, pos)
        return self.newlines[i - 1] if i else -1

    def _paragraph_subject(self, start: int, gender: str) -> str | None:
        """`Lauten later apologized ... / "I reacted ...," she said`: a pronoun after a quotation that opens
        its paragraph is the person the previous paragraph opens with, when the gender fits."""
        para = self._newline_before(start) + 1
        if self.text[para:para + 1] not in ("“", '"') or para < 2:
            return None
        close = max(self.text.rfind("”", para, start), self.text.rfind('"', para + 1, start))
        if close < 0 or self.text[close + 1:start].strip(" ,") != "":
            return None
        prev = self._newline_before(para - 1)
        while prev > 0 and self.text[prev + 1:para].strip() == "":
            prev = self._newline_before(prev)
        m = _OPENING_NAME.match(self.text, prev + 1)
        if not m:
            return None
        role, name = split_role(m.group(1))
        if not name:
            return None
        full = self._full(name)[0]
        if full not in self.gender and full not in self.recent or self.gender.get(full, gender) != gender:
            return None
        return full

    def _latest(self, gender: str) -> str | None:
        """The latest named speaker whose gender is `gender` or unknown."""
        for name in reversed(self.recent):
            if self.gender.get(name, gender) == gender:
                return name
        return None

    def _full(self, name: str, gender: str | None = None, start: int | None = None) -> tuple[str, str | None]:
        """The full name and role of `name` as the document first writes it (`Obama` -> `Barack Obama`);
        with `gender` (from `Mr.` / `Ms.`), the first namesake of that gender or of unknown gender; with
        `start`, among namesakes the one written last before `start`."""
        tokens = name.split()
        known = self.people.get(tokens[-1])
        if known and start is not None and len(tokens) == 1 and len(self.namesakes.get(tokens[-1], ())) > 1:
            # `Erik Karlsson said ...` ... `Karlsson added`: of namesakes, the one who spoke last, of the gender;
            # else one written earlier in the same paragraph
            fits = [n for n in self.namesakes[tokens[-1]] if gender is None or self.gender.get(n, gender) == gender]
            para = self.text.rfind("\n", 0, start)
            before = ([n for at, n in self.spoke if at < start and n in fits]
                      or [n for at, n in self.written if para < at < start and n in fits])
            if before:
                return before[-1], self.people[tokens[-1]][1] if before[-1] == known[0] else None
        if known and gender and len(tokens) == 1:
            fitting = [n for n in self.namesakes.get(tokens[-1], ()) if self.gender.get(n, gender) == gender]
            if not fitting:
                return name, None
            if fitting[0] != known[0]:
                return fitting[0], None
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
        """`the U.S. leader`, `the Texas governor`, `the presumptive Republican nominee` -> the person of the document it describes.

        A person fits when one of the text's descriptions of them (the title words
        before the name, an appositive after it) holds the head word (or its
        abbreviation: `Gov.`, `Rep.`) and every place or party word of the
        description.  The latest speaker among several that fit wins."""
        m = _DESCRIPTION.match(low)
        if not m:
            return None
        modifiers, head = (m.group(1) or "").split(), m.group(2)
        heads = _LEADER_WORDS if head == "leader" else _HEAD_ALIASES.get(head, (head,))
        places = [_PLACE_ALIASES.get(w, (w,)) for w in modifiers if w not in _PLAIN_MODIFIERS]
        vice = "vice" in modifiers
        found = [full for full, seen in self.described_as.items() if any(self._fits_all(d, heads, places, vice) for d in seen)]
        if not found and places:
            # `the Kremlin spokesman` -> `Putin spokesman Dmitry Peskov`: the role names a principal who fits
            for full, role in self.people.values():
                principals = (self.people.get(w) for w in (role or "").split() if w[:1].isupper())
                if self._fits(role, heads, ()) and any(p and self._fits(p[1], (), places[0]) for p in principals):
                    found.append(full)
        found = list(dict.fromkeys(found))
        if len(found) > 1:
            latest = [name for name in reversed(self.recent) if name in found]
            return latest[0] if latest else None
        if not found and head in _OFFICES and self.recent:
            # `the presumptive Republican nominee said`, no one so described: the one who spoke last,
            # unless the text describes them otherwise (`Gov. X` is not `the senator`)
            latest = self.recent[-1]
            seen = self.described_as.get(latest, [])
            if not any(any(h in d.split() for h in _OFFICE_WORDS) for d in seen):
                return latest
        return found[0] if found else None

    @staticmethod
    def _fits_all(description: str, heads, places, vice: bool = False) -> bool:
        if ("vice " in description or "vice-" in description) != vice:
            return False  # `the president` is not `Vice President Joe Biden`
        tokens = description.replace(",", " ").split()
        return any(h in tokens or " " in h and h in description for h in heads) and all(any(p in tokens for p in alts) for alts in places)


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
    while tokens and tokens[0].lower() in CLOSED_CLASS:
        tokens.pop(0)  # `Despite President Trump`
    titles = words("speaker_titles.txt")
    i = len(tokens)
    while i > 0 and _NAME_TOKEN.match(tokens[i - 1]) and tokens[i - 1].lower() not in titles:
        i -= 1
    name_tokens = tokens[i + function_words(tokens[i:]):]  # `But Democrats`, `Who Criticized Trump`; `Some Democrats` stay
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
