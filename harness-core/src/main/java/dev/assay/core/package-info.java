/**
 * Assay's core: models under test ({@link dev.assay.core.Models}), data ({@link dev.assay.core.Datasets}),
 * checks ({@link dev.assay.core.Check}, {@link dev.assay.core.Performance}, {@link dev.assay.core.Checks}) and the
 * evidence they leave ({@link dev.assay.core.CheckResult}, {@link dev.assay.core.Evidence}). No JUnit, no Allure:
 * the JUnit extension, the scenario runner and the reporters are built on this package.
 *
 * <p><b>Nullness.</b> Unless a parameter's documentation says that {@code null} is allowed (and what it means),
 * parameters must not be {@code null}; methods and record components that may return {@code null} say so (for
 * example "{@code null} when absent"). Collections returned are never {@code null} and are unmodifiable.
 *
 * <p><b>Errors.</b> Bad data, bad configuration and failing models raise {@link dev.assay.core.AssayException}
 * (bad data: {@link dev.assay.core.DataException}, whose message names the file, the line or row and the column).
 * {@link dev.assay.core.Checks#evaluate} turns every exception into a result with verdict {@code error}, never
 * {@code pass}.
 */
package dev.assay.core;
