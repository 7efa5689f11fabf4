"""The inbox sensor: a run for new or changed files in the inbox folder."""

import dagster as dg

from pipelines import inbox
from pipelines.jobs import PIPELINE_JOB, run_config_for
from pipelines.partitions import today
from pipelines.resources import TableStoreResource

FILES_PER_RUN = 500  # a dump of 10,000 files becomes 20 runs, not 10,000


@dg.sensor(job_name=PIPELINE_JOB, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Requests a run for files that are new or changed in $CLAIMWIRE_INBOX (default DATA_DIR/inbox).")
def inbox_sensor(context: dg.SensorEvaluationContext, store: TableStoreResource) -> dg.SensorResult:
    """New or changed inbox files, by content hash, batched into runs keyed by those hashes."""
    folder = inbox.default_inbox(store.get_store().data_dir)
    changed, index = inbox.scan(folder, inbox.decode_index(context.cursor))
    cursor = inbox.encode_index(index)
    if not changed:
        return dg.SensorResult(skip_reason=dg.SkipReason(f"nothing new in {folder} ({len(index)} files known)"),
                               cursor=cursor)
    requests = []
    for i in range(0, len(changed), FILES_PER_RUN):
        batch = changed[i : i + FILES_PER_RUN]
        requests.append(dg.RunRequest(
            run_key=inbox.batch_key(batch),
            partition_key=today(),
            run_config=run_config_for([f.path for f in batch], source_root=str(folder)),
            tags={"claimwire/trigger": "inbox", "claimwire/files": str(len(batch))},
        ))
    context.log.info(f"{len(changed)} new or changed file(s) in {folder}: {len(requests)} run(s)")
    return dg.SensorResult(run_requests=requests, cursor=cursor)
