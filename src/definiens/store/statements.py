"""The SQL statements of the results database (the tables themselves are in
:mod:`definiens.store.schema`); only :class:`~definiens.store.Database` runs them."""

from __future__ import annotations

__all__ = [
    "CORPUS_DOCUMENTS",
    "DOCUMENT",
    "DOCUMENTS_TITLED",
    "EXAMPLES",
    "FORMULA_TEX",
    "IDENTIFIER_USES",
    "INSERT_DEFINITION",
    "INSERT_FORMULA",
    "INSERT_IDENTIFIER",
    "INSERT_PROBLEM",
    "INSERT_TEXT",
    "IN_NAMESPACE",
    "MEANINGS",
    "NAMESPACES",
    "NAMESPACE_MEANINGS",
    "NAMESPACE_TABLE",
    "PAIRS",
    "RUNNING_INDICES",
    "SENTENCES",
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
INSERT_TEXT = "INSERT OR REPLACE INTO texts VALUES (?, ?, ?)"
INSERT_IDENTIFIER = "INSERT OR REPLACE INTO identifiers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
INSERT_DEFINITION = "INSERT INTO definitions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
INSERT_PROBLEM = "INSERT INTO problems VALUES (?, ?, ?, ?, ?)"
INSERT_SCOPE = "INSERT INTO scopes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
INSERT_SCOPED = "INSERT INTO scoped_definitions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

# A meaning is compared in lower case and shown as written where its score is best (with a
# single MAX() aggregate, SQLite takes the bare column from the row of that maximum).
# The meanings of an identifier over whole documents and inside their scopes (a section where
# the letter means something else), as one table; an example sentence is listed once, with the
# scope it holds in where it has one (its best score).
_ALL_DEFINITIONS = """(
    SELECT doc, identifier, definiens, score, method, sentence, source_start, source_end,
           -1 AS scope
    FROM definitions WHERE identifier = :identifier
    UNION ALL
    SELECT doc, identifier, definiens, score, method, sentence, source_start, source_end, scope
    FROM scoped_definitions WHERE identifier = :identifier
)"""
MEANINGS = f"""
WITH best AS (
    SELECT d.doc, lower(d.definiens) AS compared, d.definiens AS meaning, MAX(d.score) AS score
    FROM {_ALL_DEFINITIONS} AS d JOIN documents AS doc ON doc.doc = d.doc
    WHERE (:title IS NULL OR doc.title = :title)
    GROUP BY d.doc, lower(d.definiens)
)
SELECT meaning, COUNT(*) AS documents, SUM(score) AS weight, MAX(score) AS best
FROM best GROUP BY compared
ORDER BY weight DESC, documents DESC, compared LIMIT :limit
"""
EXAMPLES = f"""
SELECT doc.title, doc.source, doc.id, d.definiens, MAX(d.score) AS score, d.method, d.sentence,
       d.source_start, d.source_end, COALESCE(s.title, '') AS scope
FROM {_ALL_DEFINITIONS} AS d JOIN documents AS doc ON doc.doc = d.doc
LEFT JOIN scopes AS s ON s.doc = d.doc AND s.scope = d.scope
WHERE lower(d.definiens) = lower(:meaning) AND (:title IS NULL OR doc.title = :title)
GROUP BY d.doc, d.sentence, d.source_start
ORDER BY score DESC, doc.title LIMIT :limit
"""
NAMESPACE_MEANINGS = """
SELECT nd.definiens AS meaning, SUM(nd.documents) AS documents, SUM(nd.score) AS weight,
       MAX(nd.score) AS best
FROM namespace_definitions AS nd JOIN namespaces AS n ON n.namespace = nd.namespace
WHERE nd.identifier = :identifier AND n.name = :namespace
GROUP BY lower(nd.definiens)
ORDER BY weight DESC, documents DESC, lower(nd.definiens) LIMIT :limit
"""

_DOCUMENT_COLUMNS = "doc, source, id, title, format, metadata, status, reason"
DOCUMENT = f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE doc = ?"
DOCUMENTS_TITLED = f"""
SELECT {_DOCUMENT_COLUMNS} FROM documents
WHERE status = 'processed' AND (:q = '' OR title LIKE '%' || :q || '%' ESCAPE '\\')
ORDER BY title LIMIT :limit
"""
CORPUS_DOCUMENTS = (
    f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE status != 'failed' ORDER BY doc"
)

NAMESPACES = "SELECT * FROM namespaces ORDER BY name"  # older files lack some columns
NAMESPACE_TABLE = """
SELECT identifier, definiens, score, documents FROM namespace_definitions
WHERE namespace = ? ORDER BY identifier, score DESC, definiens
"""
IN_NAMESPACE = """
SELECT nd.identifier, nd.definiens, nd.score, nd.documents
FROM namespace_definitions AS nd JOIN namespaces AS n ON n.namespace = nd.namespace
WHERE nd.identifier = ? AND n.name = ?
ORDER BY nd.score DESC, nd.documents DESC, nd.definiens
"""

PAIRS = "SELECT doc, identifier, definiens, score FROM definitions WHERE rank < :ranks"
IDENTIFIER_USES = "SELECT DISTINCT doc, identifier FROM identifiers"
#: The identifiers of a document read only inside other identifiers (running indices: the i
#: of x_i), in every formula that uses them. Such an index's first place lies inside its
#: symbol's first place (definiens.formulas.spans.inner).
RUNNING_INDICES = """
SELECT a.doc, a.identifier FROM identifiers AS a
WHERE a.identifier IN ('i', 'j', 'k', 'l', 'm', 'n')
GROUP BY a.doc, a.identifier
HAVING COUNT(*) = SUM(EXISTS (
    SELECT 1 FROM identifiers AS b
    WHERE b.doc = a.doc AND b.formula = a.formula AND b.identifier != a.identifier
    AND a.start >= 0 AND b.start >= 0 AND b.start <= a.start AND a."end" <= b."end"
))
"""
SENTENCES = (
    "SELECT DISTINCT doc, sentence FROM definitions WHERE sentence != '' ORDER BY doc, sentence"
)
FORMULA_TEX = "SELECT doc, tex FROM formulas ORDER BY doc, formula"
