"""Closed word classes and the small regexes built from them, shared by the span finders."""

from __future__ import annotations

import re

# Adverbs between a source and its verb, kept out of both spans.
ADVERBS = frozenset(
    "separately again then already not never still all both "
    "privately reportedly first further simply flatly quickly earlier "
    "subsequently similarly likewise even still just only never frequently twice once thrice".split()
)


# Where a clause ends and the subject of the next one may start.
BOUNDARY = re.compile(
    r"(?:(?<=,\s)(?:who|which|whom)\b|\b(?:in|of|for|to|with|by|from|on|at|under|through)\s+(?:which|whom)\b|[,;:(]|\s[—–―]|[\"”“]|\b(?:and|but|while|because|as|when|after|before|since|although|though|if|so|that|where|whereas|yet|until|or|than"
    r"|While|Because|When|After|Before|Since|Although|Though|If|Once|Until|Whereas|There|Here)\b)\s*"
)


LEADING = re.compile(r"(?:(?:But|And|So|Yet|Still|Now|Then|Also|Meanwhile|However|Indeed|Instead|Recently|Earlier|Later|Today|Separately|Finally|Again|Previously|Yesterday|Last\s+\w+|On\s+\w+day|In\s+\w+|At\s+\w+|When\s+asked)\b,?\s+)+")


DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|last\s+(?:week|month|year|night)|this\s+(?:week|month|year|morning)|earlier\s+this\s+\w+)"


PREPS = frozenset("on in at during to with from before after via through over onto about of for by".split())


PREPOSITIONS = PREPS | frozenset("across near inside outside under behind since into upon".split())


ADJUNCT_START = frozenset({"on", "in", "at", "during", "via", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                                     "yesterday", "today", "tonight", "last", "this", "earlier", "later", "recently",
                                     "late", "early", "again", "publicly", "privately", "repeatedly", "also", "then"})


TIME_LEAD = re.compile(rf"\s*(?:on\s+)?{DAYS}(?:\s+(?:morning|afternoon|evening|night))?,?\s+")


INTRO = re.compile(r"(?<![\w’'])that\b|[\"“]|''|:\s")


SOURCE_AFTER_STOP = re.compile(
    rf"\s*(?:[,;:!?()\"“”]|\.(?:\s|$)|\s(?:in|on|at|during|after|before|when|while|as|to|of|about|adding|who|which|that|last|this|{DAYS})\b|$)"
)


ABBREV_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Prof|Rev|Inc|Corp|Co|Ltd|Bros|No|vs|etc|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|a\.m|p\.m)|\b[A-Z](?:\.[A-Z])*|\bU\.S)\.$"
)


PRONOUNS = frozenset("he she they i we it you".split())


SUBORDINATORS = frozenset("while but and as because when after before since although though if so that where whereas yet or".split())


WORD = re.compile(r"[\w’'-]+")


def trim_end(text: str, start: int, end: int) -> int:
    """Where content ending at `end` stops: no trailing space or sentence-final
    period, comma or semicolon unless it sits inside the closing quote."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while end > start and text[end - 1] in ".,;:" and not ABBREV_END.search(text[max(start, end - 6):end]):
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return end


MODALS = frozenset("had has have would will did does do is was are were may might could can should must".split())


ASIDE = re.compile(
    r"(?:,\s*(?:meanwhile|however|too|though|instead|in turn|in fact|of course|for example|for instance|at least|also|"
    r"for (?:his|her|their|its) part|in particular|at the time|in response)\s*,?"
    rf"|\s+(?:on\s+)?{DAYS}(?:\s+(?:morning|afternoon|evening|night))?)\s*$"
)


SUBJECT = re.compile(
    r"(?:(?:The|the)\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*(?=\s+[a-z])|(?:He|She|They|It|I|We)\b"
    r"|(?:The|A|An|Many|Some|Most|Other)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+(?=\s+(?:have|has|had|were|was|also|\w+ed)\b)"
)


OPENING_PHRASE = re.compile(r"(?:In|At|On|During|After|Before|Speaking|Asked|Writing|With|For|Since|Despite|Earlier|Later|Last|This)\b[^,]{0,80},\s+")


# words of a short addressee or time after a trailing cue (`told CNN.`, `said last week.`)
SHORT_ADJUNCT = frozenset(
    "me him her them us you reporters supporters the a an his their its on in at last this next week night morning "
    "afternoon evening today yesterday tonight recently later earlier again then weekend month year ago".split()
)
