"""The Dagster Definitions of claimwire: assets, checks, job, sensor, schedule and resources."""

import dagster as dg

from assets import checks
from assets.claims import claims
from assets.documents import ingest
from assets.linking import linking
from assets.sentences import sentences
from assets.warehouse import warehouse
from pipelines.jobs import PIPELINE_JOB, pipeline_job
from pipelines.resources import TableStoreResource
from pipelines.schedules import nightly_inbox
from pipelines.sensors import inbox_sensor

__all__ = ["PIPELINE_JOB", "defs"]

defs = dg.Definitions(
    assets=[ingest, sentences, claims, linking, warehouse],
    asset_checks=[checks.sentence_offsets_exact, checks.claim_spans_exact, checks.no_orphans],
    jobs=[pipeline_job],
    sensors=[inbox_sensor],
    schedules=[nightly_inbox],
    resources={"store": TableStoreResource()},
)
