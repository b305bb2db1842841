"""The SQL statements the results database runs to write documents and read meanings (the
tables themselves are in :mod:`definiens.store.schema`)."""

from __future__ import annotations

__all__ = [
    "EXAMPLES",
    "INSERT_DEFINITION",
    "INSERT_FORMULA",
    "INSERT_IDENTIFIER",
    "INSERT_PROBLEM",
    "MEANINGS",
    "NAMESPACE_MEANINGS",
    "UPSERT_DOCUMENT",
]

UPSERT_DOCUMENT = """
INSERT INTO documents (source, id, title, format, metadata, status, reason, run)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (source, id) DO UPDATE SET
    title = excluded.title, format = excluded.format, metadata = excluded.metadata,
    status = excluded.status, reason = excluded.reason, run = excluded.run
RETURNING doc
"""
INSERT_FORMULA = "INSERT INTO formulas VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
INSERT_IDENTIFIER = "INSERT OR REPLACE INTO identifiers VALUES (?, ?, ?, ?, ?, ?)"
INSERT_DEFINITION = "INSERT INTO definitions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
INSERT_PROBLEM = "INSERT INTO problems VALUES (?, ?, ?, ?, ?)"

# A meaning is compared in lower case and shown as written where its score is best (with a
# single MAX() aggregate, SQLite takes the bare column from the row of that maximum).
MEANINGS = """
WITH best AS (
    SELECT d.doc, lower(d.definiens) AS compared, d.definiens AS meaning, MAX(d.score) AS score
    FROM definitions AS d JOIN documents AS doc ON doc.doc = d.doc
    WHERE d.identifier = :identifier AND (:title IS NULL OR doc.title = :title)
    GROUP BY d.doc, lower(d.definiens)
)
SELECT meaning, COUNT(*) AS documents, SUM(score) AS weight, MAX(score) AS best
FROM best GROUP BY compared
ORDER BY weight DESC, documents DESC, compared LIMIT :limit
"""
EXAMPLES = """
SELECT doc.title, doc.source, doc.id, d.definiens, d.score, d.method, d.sentence,
       d.source_start, d.source_end
FROM definitions AS d JOIN documents AS doc ON doc.doc = d.doc
WHERE d.identifier = :identifier AND lower(d.definiens) = lower(:meaning)
      AND (:title IS NULL OR doc.title = :title)
ORDER BY d.score DESC, doc.title LIMIT :limit
"""
NAMESPACE_MEANINGS = """
SELECT nd.definiens AS meaning, SUM(nd.documents) AS documents, SUM(nd.score) AS weight,
       MAX(nd.score) AS best
FROM namespace_definitions AS nd JOIN namespaces AS n ON n.namespace = nd.namespace
WHERE nd.identifier = :identifier AND n.name = :namespace
GROUP BY lower(nd.definiens)
ORDER BY weight DESC, documents DESC, lower(nd.definiens) LIMIT :limit
"""
