"""The SQL schema of a results database (documented in docs/schema.md).

A document is keyed by ``(source, id)``: the input it was read from and its id there (the page
id of a wiki dump, the path of a LaTeX file). ``documents.doc`` is the integer the other tables
point to; it stays the same when a document is written again (the row is updated in place and
its formulas, identifiers, definitions and problems are deleted and inserted again, all in one
transaction), so a re-run never duplicates anything.

Version 2 (this one) added the ``texts`` table (each document's plain text and its layout:
offset map and formula placeholder spans, zlib-compressed, see :mod:`definiens.store.texts`),
the identifiers' ``seq`` (their order in the formula), and renamed ``formulas.kind`` to
``formulas.markup``. A database of an older version is refused with a message that says to
make it again with ``definiens run`` (its documents' text cannot be rebuilt from it).
"""

from __future__ import annotations

__all__ = ["ADDED_COLUMNS", "SCHEMA", "SCHEMA_VERSION", "TABLES"]

SCHEMA_VERSION = 3

# Columns added to schema 3 after it shipped: a database that lacks them gets them when it is
# opened for writing (nothing else changes, so the version stays 3); readers of an older file
# see their defaults. (table, column, declaration)
ADDED_COLUMNS = (
    ("namespaces", "label", "TEXT NOT NULL DEFAULT ''"),
    ("namespaces", "purity", "REAL"),
    ("namespaces", "coherence", "REAL NOT NULL DEFAULT 0"),
)

# Tables in export order; each is exported whole with these columns.
TABLES = (
    "runs",
    "inputs",
    "documents",
    "texts",
    "formulas",
    "identifiers",
    "definitions",
    "scopes",
    "scoped_definitions",
    "problems",
    "namespaces",
    "namespace_definitions",
    "namespace_documents",
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running'
        CHECK (status IN ('running', 'finished', 'failed', 'interrupted')),
    options TEXT NOT NULL DEFAULT '{}',
    pages INTEGER NOT NULL DEFAULT 0,
    processed INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    resumed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS inputs (
    run INTEGER NOT NULL REFERENCES runs(run) ON DELETE CASCADE,
    path TEXT NOT NULL,
    size INTEGER,
    error TEXT,
    PRIMARY KEY (run, path)
);

CREATE TABLE IF NOT EXISTS documents (
    doc INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    format TEXT NOT NULL DEFAULT '',
    metadata TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL CHECK (status IN ('processed', 'skipped', 'failed')),
    reason TEXT,
    run INTEGER REFERENCES runs(run) ON DELETE SET NULL,
    UNIQUE (source, id)
);
CREATE INDEX IF NOT EXISTS documents_title ON documents(title);
CREATE INDEX IF NOT EXISTS documents_status ON documents(status);

CREATE TABLE IF NOT EXISTS texts (
    doc INTEGER PRIMARY KEY REFERENCES documents(doc) ON DELETE CASCADE,
    text BLOB NOT NULL,
    layout BLOB NOT NULL
);

CREATE TABLE IF NOT EXISTS formulas (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    formula INTEGER NOT NULL,
    tex TEXT NOT NULL,
    display INTEGER NOT NULL DEFAULT 0,
    markup TEXT NOT NULL DEFAULT 'math',
    source_start INTEGER NOT NULL DEFAULT -1,
    source_end INTEGER NOT NULL DEFAULT -1,
    flags TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (doc, formula)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS identifiers (
    doc INTEGER NOT NULL,
    formula INTEGER NOT NULL,
    identifier TEXT NOT NULL,
    start INTEGER NOT NULL DEFAULT -1,
    "end" INTEGER NOT NULL DEFAULT -1,
    count INTEGER NOT NULL DEFAULT 1,
    seq INTEGER NOT NULL DEFAULT 0,
    spans TEXT NOT NULL DEFAULT '[]',
    scope INTEGER NOT NULL DEFAULT -1,
    PRIMARY KEY (doc, formula, identifier),
    FOREIGN KEY (doc, formula) REFERENCES formulas(doc, formula) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS identifiers_identifier ON identifiers(identifier);

CREATE TABLE IF NOT EXISTS definitions (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    identifier TEXT NOT NULL,
    rank INTEGER NOT NULL,
    definiens TEXT NOT NULL,
    score REAL NOT NULL,
    method TEXT NOT NULL,
    sentence TEXT NOT NULL DEFAULT '',
    source_start INTEGER NOT NULL DEFAULT -1,
    source_end INTEGER NOT NULL DEFAULT -1,
    link_target TEXT,
    PRIMARY KEY (doc, identifier, rank)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS definitions_identifier ON definitions(identifier);

CREATE TABLE IF NOT EXISTS scopes (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    scope INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    level INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    source_start INTEGER NOT NULL DEFAULT -1,
    source_end INTEGER NOT NULL DEFAULT -1,
    PRIMARY KEY (doc, scope)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS scoped_definitions (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    scope INTEGER NOT NULL,
    identifier TEXT NOT NULL,
    rank INTEGER NOT NULL,
    definiens TEXT NOT NULL,
    score REAL NOT NULL,
    method TEXT NOT NULL,
    sentence TEXT NOT NULL DEFAULT '',
    source_start INTEGER NOT NULL DEFAULT -1,
    source_end INTEGER NOT NULL DEFAULT -1,
    link_target TEXT,
    PRIMARY KEY (doc, scope, identifier, rank)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS problems (
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    location TEXT NOT NULL,
    PRIMARY KEY (doc, seq)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS namespaces (
    namespace INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL DEFAULT '',
    purity REAL,
    coherence REAL NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS namespace_definitions (
    namespace INTEGER NOT NULL REFERENCES namespaces(namespace) ON DELETE CASCADE,
    identifier TEXT NOT NULL,
    definiens TEXT NOT NULL,
    score REAL NOT NULL,
    documents INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (namespace, identifier, definiens)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS namespace_documents (
    namespace INTEGER NOT NULL REFERENCES namespaces(namespace) ON DELETE CASCADE,
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    weight REAL NOT NULL DEFAULT 1.0,
    PRIMARY KEY (namespace, doc)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS namespace_documents_doc ON namespace_documents(doc);

CREATE VIEW IF NOT EXISTS failures AS
    SELECT doc, source, id, title, reason FROM documents WHERE status = 'failed';
"""
