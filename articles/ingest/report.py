"""Tally of an ingestion run, for the commands' closing summary."""

from dataclasses import dataclass, field

from django_tasks import TaskResultStatus


@dataclass
class IngestReport:
    created: int = 0
    updated: int = 0
    duplicates: int = 0
    queued: int = 0  # handed to a worker backend; their outcome is in the task results
    failed: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
    mentions: int = 0
    proposed: int = 0
    evidence_added: int = 0
    not_modified: int = 0  # feeds that answered 304

    def add(self, summary: dict) -> None:
        """Count one article's outcome, as the ingest task returns it."""
        outcome = summary["outcome"]
        if outcome == "failed":
            self.failed.append((summary.get("origin", ""), summary["reason"]))
            return
        if outcome == "duplicate":
            self.duplicates += 1
            return
        self.created += outcome == "created"
        self.updated += outcome == "updated"
        self.mentions += summary["mentions"]
        self.proposed += summary["proposed"]
        self.evidence_added += summary["evidence_added"]

    def add_task_result(self, result, origin: str) -> None:
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.add(result.return_value)
        elif result.status == TaskResultStatus.FAILED:
            error = result.errors[-1].exception_class_path if result.errors else "unknown error"
            self.failed.append((origin, f"the task failed ({error})"))
        else:
            self.queued += 1

    def merge(self, other: "IngestReport") -> None:
        for name in ("created", "updated", "duplicates", "queued", "mentions", "proposed", "evidence_added"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.not_modified += other.not_modified
        self.failed.extend(other.failed)

    def as_dict(self) -> dict:
        return {**self.__dict__, "failed": [list(item) for item in self.failed]}

    @classmethod
    def from_dict(cls, data: dict) -> "IngestReport":
        return cls(**{**data, "failed": [tuple(item) for item in data["failed"]]})

    def lines(self) -> list[str]:
        lines = [
            f"Created: {self.created}",
            f"Updated: {self.updated}",
            f"Skipped as duplicates: {self.duplicates}",
            f"Failed: {len(self.failed)}",
            *(f"  - {origin}: {reason}" if origin else f"  - {reason}" for origin, reason in self.failed),
            f"Mentions linked: {self.mentions}",
            f"Partnerships proposed: {self.proposed} (evidence added to {self.evidence_added} existing)",
        ]
        if self.queued:
            lines.append(f"Queued for a worker: {self.queued}")
        return lines
