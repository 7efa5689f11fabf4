"""The Dagster Definitions of claimwire: assets, checks, job and resources."""

import dagster as dg

from assets import checks
from assets.claims import claims
from assets.documents import ingest
from assets.sentences import sentences
from assets.warehouse import warehouse
from pipelines.resources import TableStoreResource

PIPELINE_JOB = "claimwire_pipeline"

pipeline_job = dg.define_asset_job(
    PIPELINE_JOB,
    selection=dg.AssetSelection.all(),
    description="Ingest the configured inputs (default seeds/), split, tag claims, rebuild the warehouse.",
)

defs = dg.Definitions(
    assets=[ingest, sentences, claims, warehouse],
    asset_checks=[checks.sentence_offsets_exact, checks.claim_spans_exact, checks.no_orphans],
    jobs=[pipeline_job],
    resources={"store": TableStoreResource()},
)
