"""Across sources: stories, speakers and claim links over documents from many outlets.

Pure functions over plain records, no Dagster and no I/O:
`group_stories`, `link_speakers`, `link_claims`.
"""

from .claims import ClaimLink, LinkClaim, link_claims
from .speakers import Speaker, SpeakerMention, link_speakers
from .stories import StoryDoc, group_stories

__all__ = ["ClaimLink", "LinkClaim", "Speaker", "SpeakerMention", "StoryDoc",
           "group_stories", "link_claims", "link_speakers"]
