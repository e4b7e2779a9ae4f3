/**
 * Assay's JUnit Jupiter integration: {@link dev.assay.junit.ModelTest @ModelTest} activates it,
 * {@link dev.assay.junit.TestDataset @TestDataset} and {@link dev.assay.junit.TestModel @TestModel} inject data and
 * models (classes, predictions, ONNX files, HTTP endpoints), and {@link dev.assay.junit.AssayAssertions} is the
 * AssertJ entry point for check results, fairness reports, PII findings, privacy ledgers and DP audits.
 * {@link dev.assay.junit.FairnessGate @FairnessGate} and {@link dev.assay.junit.PrivacyBudget @PrivacyBudget} make a
 * fairness gate or a privacy budget one annotation, recorded in the evidence;
 * {@link dev.assay.junit.EnabledIfModelAvailable @EnabledIfModelAvailable} skips tests whose model is absent.
 * Parameters of type {@link dev.assay.core.pii.PiiScanner} and {@link dev.assay.core.privacy.PrivacyLedger} are
 * injected too.
 */
package dev.assay.junit;
