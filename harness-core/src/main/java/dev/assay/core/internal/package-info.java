/**
 * Implementation detail of harness-core: CSV reading, column building, group cells, binary outcome validation,
 * statistics, hashing, the evidence JSON mapper and writer ({@link EvidenceJson}) and check events. Public only so
 * that other Assay modules can reuse it; not API, may change without notice, and not to be used by users' projects
 * or the examples. Parameters are non-null unless documented otherwise.
 */
package dev.assay.core.internal;
