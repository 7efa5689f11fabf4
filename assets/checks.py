"""Asset checks: spans slice documents.text exactly, and nothing is orphaned."""


import dagster as dg

from pipelines import integrity
from pipelines.resources import TableStoreResource


def _result(failures: tuple[int, list[tuple]], what: str) -> dg.AssetCheckResult:
    n, sample = failures
    return dg.AssetCheckResult(
        passed=n == 0,
        severity=dg.AssetCheckSeverity.ERROR,
        description=f"{n} {what}" if n else f"no {what}",
        metadata={"failures": n, "sample": dg.MetadataValue.json([list(map(str, row)) for row in sample])},
    )


@dg.asset_check(asset="sentences", blocking=True)
def sentence_offsets_exact(store: TableStoreResource) -> dg.AssetCheckResult:
    """Every sentence's text equals documents.text[start:end]."""
    return _result(integrity.sentence_span_failures(store.get_store()), "sentences with inexact offsets")


@dg.asset_check(asset="claims", blocking=True)
def claim_spans_exact(store: TableStoreResource) -> dg.AssetCheckResult:
    """Every speaker, cue and content span (and fragment) slices documents.text exactly."""
    return _result(integrity.claim_span_failures(store.get_store()), "claim spans with inexact offsets")


@dg.asset_check(asset="claims", blocking=True, additional_deps=["sentences"])
def no_orphans(store: TableStoreResource) -> dg.AssetCheckResult:
    """Every sentence and claim has its document, and every parent_claim_id its claim."""
    return _result(integrity.orphan_failures(store.get_store()), "orphan sentences or claims")
